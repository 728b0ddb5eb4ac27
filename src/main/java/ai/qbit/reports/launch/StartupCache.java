package ai.qbit.reports.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The render JVM's ahead-of-time cache (JDK 25: classes loaded and linked, method profiles), made from the first
 * successful run after a build and reused by every later run until the JDK, the class path or the flags change.
 * The first run records what it loads ({@code -XX:AOTMode=record}); once it has succeeded the launcher assembles the
 * cache ({@code -XX:AOTMode=create}) under a temporary name and moves it into place, so an interrupted or failed run
 * never leaves a half-made cache. The key file says what the cache was made for, in plain text.
 */
public final class StartupCache {
    private final Path dir;
    private final JdkFinder.Jdk jdk;
    private final List<String> flags;
    private final List<Path> classPath;
    /** This run's recording: a name of its own, so that two first runs at once do not write into one file. */
    private final Path configuration;

    public StartupCache(Path dir, JdkFinder.Jdk jdk, List<String> trainingFlags, List<Path> classPath) {
        this.dir = dir;
        this.jdk = jdk;
        this.flags = List.copyOf(trainingFlags);
        this.classPath = List.copyOf(classPath);
        this.configuration = dir.resolve("render-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".aotconf.tmp");
    }

    public Path cache() {
        return dir.resolve("render.aot");
    }

    private Path keyFile() {
        return dir.resolve("render.aot.key");
    }


    /** True when the cache exists and was made for this JDK, class path and flags. */
    public boolean isValid() throws IOException {
        return Files.isRegularFile(cache()) && Files.isRegularFile(keyFile()) && Files.readString(keyFile(), StandardCharsets.UTF_8).equals(key());
    }

    /** The flags that use the cache. */
    public List<String> useFlags() {
        return List.of("-XX:AOTCache=" + cache(), "-Xlog:aot=off", "-Xlog:cds=off");
    }

    /** The flags that make a run record what it loads, for {@link #assemble()} afterwards. */
    public List<String> recordFlags() throws IOException {
        Files.createDirectories(dir);
        dropLeftovers();
        Files.deleteIfExists(configuration);
        return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration, "-Xlog:aot=off", "-Xlog:cds=off");
    }

    /** Turns a recorded run into the cache; a failure leaves no cache behind and is reported, never fatal to the run. */
    public void assemble() throws IOException, InterruptedException {
        if (!Files.isRegularFile(configuration)) throw new IOException("the run recorded nothing (" + configuration + " is missing)");
        Path tmp = Files.createTempFile(dir, "render", ".aot.tmp");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(jdk.java().toString());
            cmd.addAll(flags);
            cmd.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + tmp,
                    "-Xlog:aot=off", "-Xlog:cds=off", "-cp", Launcher.join(classPath)));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || Files.size(tmp) == 0) {
                throw new IOException("the JVM could not assemble it: " + output.strip().lines().reduce((a, b) -> b).orElse("exit code " + p.exitValue()));
            }
            Files.move(tmp, cache(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(keyFile(), key(), StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(configuration);
        }
    }

    /** Recordings and half-made caches of runs that were killed, an hour or more ago (a run takes seconds). */
    private void dropLeftovers() throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                if (Files.getLastModifiedTime(p).toMillis() < hourAgo) Files.deleteIfExists(p);
            }
        }
    }

    /** Forgets a recording whose run failed: a cache made from it would hold only the path to the failure. */
    public void discard() throws IOException {
        Files.deleteIfExists(configuration);
    }

    /** What the cache depends on: the JDK (home, release, binary), the flags, each class path entry's size and time. */
    String key() throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("jdk ").append(jdk.home()).append(' ').append(jdk.version()).append(' ')
                .append(Files.getLastModifiedTime(jdk.java()).toMillis()).append('\n');
        b.append("flags ").append(String.join(" ", flags)).append('\n');
        for (Path p : classPath) {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            b.append("cp ").append(p).append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis()).append('\n');
        }
        return b.toString();
    }
}
