package ai.qbit.reports.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder the model may read from (the report folder, or the toolkit's assets/). A report often comes from someone
 * else, so every file it names is resolved to its real path and must be a regular file inside the folder: a link that
 * leaves it, a directory, a FIFO or a device is a problem that says what the file is — never read, never followed.
 */
final class Sandbox {
    /** A chapter, YAML file or language pack: far above any real one (the largest chapter of 2024 is 60 KB). */
    static final int MAX_FILE_BYTES = 1 << 20;
    /** A source document: only looked up by line, never printed whole. */
    static final int MAX_SOURCE_BYTES = 16 << 20;
    /** Files a folder of the model (datasets/, sources/, templates/ …) may hold. */
    static final int MAX_FILES = 500;

    private final Path real;
    private final String label;

    private Sandbox(Path real, String label) {
        this.real = real;
        this.label = label;
    }

    /** @param label how messages name the folder: "seeds/2024/", "assets/" */
    static Sandbox of(Path dir, String label) throws IOException {
        return new Sandbox(dir.toRealPath(), label);
    }

    String label() {
        return label;
    }

    /**
     * A file the model names: its real path when usable, else why not ({@code problem} is a predicate, "is a FIFO
     * (named pipe), not a regular file", to follow the file's name); both null when it does not exist.
     */
    record Found(Path path, String problem) {
        boolean absent() {
            return path == null && problem == null;
        }
    }

    /** Resolves {@code rel} (as the model writes it, "chapters/01-x.md") inside this folder. */
    Found find(String rel) {
        Path r;
        try {
            r = Path.of(rel).normalize();
        } catch (InvalidPathException e) {
            return new Found(null, "is not a file name (" + e.getReason() + ")");
        }
        if (r.isAbsolute() || r.startsWith("..") || rel.isBlank()) {
            return new Found(null, "points outside " + label + ": name a file inside the folder, e.g. chapters/01-intro.md");
        }
        return check(real.resolve(r));
    }

    /** Checks a path found by listing a folder of this sandbox. */
    Found check(Path p) {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            // a parent folder may be a link: resolve it before saying the file is absent
            try {
                Path parent = p.getParent().toRealPath();
                if (!parent.startsWith(real)) return new Found(null, "is in " + parent + ", outside " + label + " (a folder on the way is a link); a report reads only files inside its own folder");
            } catch (IOException e) {
                // the parent does not exist either: the file is absent
            }
            return new Found(null, null);
        }
        Path resolved;
        try {
            resolved = p.toRealPath();
        } catch (NoSuchFileException e) {
            return new Found(null, "is " + describe(p) + ", which does not exist");
        } catch (IOException e) {
            return new Found(null, "cannot be resolved (" + reason(e) + ")");
        }
        if (!resolved.startsWith(real)) {
            return new Found(null, "resolves to " + resolved + ", outside " + label
                    + " (a link leaves the folder); a report reads only files inside its own folder");
        }
        String kind = describe(resolved);
        if (!kind.equals("a file")) return new Found(null, "is " + kind + ", not a regular file");
        return new Found(resolved, null);
    }

    /** The regular files of sub-folder {@code rel} ("datasets") whose names end with one of {@code suffixes}. */
    List<Path> list(String rel, Problems problems, String... suffixes) {
        Found dir = folder(rel);
        if (dir.problem() != null) {
            problems.add(label + rel + "/", 0, 0, "", dir.problem());
            return List.of();
        }
        if (dir.absent()) return List.of();
        try (Stream<Path> s = Files.list(dir.path())) {
            List<Path> files = s.filter(p -> Stream.of(suffixes).anyMatch(x -> p.getFileName().toString().endsWith(x)))
                    .sorted().limit(MAX_FILES + 1L).toList();
            if (files.size() > MAX_FILES) {
                problems.add(label + rel + "/", 0, 0, "", "holds more than " + MAX_FILES + " files; a report has at most " + MAX_FILES + " per folder");
                return files.subList(0, MAX_FILES);
            }
            return files;
        } catch (IOException e) {
            problems.add(label + rel + "/", 0, 0, "", "cannot be listed (" + reason(e) + ")");
            return List.of();
        }
    }

    /** A sub-folder: its real path inside this one, a problem, or absent. */
    Found folder(String rel) {
        Path p = real.resolve(rel);
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return new Found(null, null);
        try {
            Path resolved = p.toRealPath();
            if (!resolved.startsWith(real)) {
                return new Found(null, "resolves to " + resolved + ", outside " + label + " (a link leaves the folder); a report reads only files inside its own folder");
            }
            if (!Files.isDirectory(resolved, LinkOption.NOFOLLOW_LINKS)) return new Found(null, "is " + describe(resolved) + ", not a folder");
            return new Found(resolved, null);
        } catch (IOException e) {
            return new Found(null, "cannot be resolved (" + reason(e) + ")");
        }
    }

    /** Every entry under sub-folder {@code rel} (templates/, themes/, lang/) must be a file or folder inside this one. */
    void checkTree(String rel, Problems problems) {
        Found dir = folder(rel);
        if (dir.problem() != null) {
            problems.add(label + rel + "/", 0, 0, "", dir.problem());
            return;
        }
        if (dir.absent()) return;
        try (Stream<Path> s = Files.walk(dir.path(), 8)) {
            s.limit(MAX_FILES + 1L).forEach(p -> {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return;
                Found f = check(p);
                if (f.problem() != null) problems.add(label + real.relativize(p), 0, 0, "", f.problem());
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(label + rel + "/", 0, 0, "", "cannot be listed (" + e.getMessage() + ")");
        }
    }

    /**
     * The text of a file returned by {@link #find} or {@link #check}: UTF-8, at most {@code limit} bytes, line ends
     * normalised. On failure adds a problem at the file (with the line of a bad byte) and returns null.
     */
    static String readText(Path file, String display, int limit, Problems problems) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            problems.add(display, 0, 0, "", "cannot be read (" + reason(e) + ")");
            return null;
        }
        if (bytes.length > limit) {
            problems.add(display, 0, 0, "", "is larger than " + (limit >> 20) + " MiB, the limit for such a file; split it");
            return null;
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1, col = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    col = 1;
                } else if ((bytes[i] & 0xC0) != 0x80) col++;
            }
            StringBuilder hex = new StringBuilder();
            for (int i = at; i < Math.min(bytes.length, at + Math.max(1, r.length())); i++) hex.append(String.format(Locale.ROOT, " 0x%02X", bytes[i] & 0xFF));
            problems.add(display, line, col, "", "is not UTF-8 text: the byte" + (r.length() > 1 ? "s" : "") + hex
                    + " cannot start a UTF-8 character (a GBK or Latin-1 file?); save the file as UTF-8");
            return null;
        }
        d.flush(out);
        out.flip();
        return out.toString().replace("\r\n", "\n");
    }

    /** What a path is, in words: "a file", "a directory", "a FIFO (named pipe)", "a link to …". */
    static String describe(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) return "a link to " + Files.readSymbolicLink(p);
            if (a.isRegularFile()) return "a file";
            if (a.isDirectory()) return "a directory";
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0010000 -> "a FIFO (named pipe)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        } catch (IOException e) {
            return "unreadable (" + reason(e) + ")";
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
