package ai.qbit.reports.launch;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The class path the render JVM gets: the one this launcher was started with (under {@code exec:java}, Maven's class
 * loader for the project), with every folder packed into a jar, since the ahead-of-time cache takes jars only. A
 * folder is packed again only when a file in it changed, so the cache stays valid between runs of one build.
 */
public final class ClassPath {
    private ClassPath() {
    }

    /** The entries of the class path {@code anchor} was loaded from. */
    public static List<Path> of(Class<?> anchor) {
        List<Path> out = new ArrayList<>();
        if (anchor.getClassLoader() instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                try {
                    out.add(Path.of(url.toURI()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IllegalStateException("a class path entry that is not a file: " + url, e);
                }
            }
        }
        if (out.isEmpty()) {
            for (String s : System.getProperty("java.class.path").split(File.pathSeparator)) if (!s.isBlank()) out.add(Path.of(s));
        }
        return out.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::exists).toList();
    }

    /** {@code entries} with each folder replaced by a jar of it in {@code dir}, packed again only when it changed. */
    public static List<Path> jarred(List<Path> entries, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        int i = 0;
        for (Path e : entries) {
            if (!Files.isDirectory(e)) {
                out.add(e);
                continue;
            }
            Path jar = dir.resolve("cp" + (i++) + "-" + e.getFileName() + ".jar");
            Path stamp = dir.resolve(jar.getFileName() + ".stamp");
            String now = stamp(e);
            if (!Files.isRegularFile(jar) || !Files.isRegularFile(stamp) || !Files.readString(stamp).equals(now)) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, jar.getFileName().toString(), ".tmp");
                try {
                    pack(e, tmp);
                    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
                Files.writeString(stamp, now);
            }
            out.add(jar);
        }
        return out;
    }

    /** A digest of the folder's files: names, sizes and modification times. */
    static String stamp(Path folder) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files(folder)) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                md.update((folder.relativize(f) + "\0" + a.size() + "\0" + a.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            for (Path f : files(folder)) {
                JarEntry entry = new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/'));
                entry.setTime(Files.getLastModifiedTime(f).toMillis());
                out.putNextEntry(entry);
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
