package ai.qbit.reports.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * All-or-nothing outputs. {@code output/<id>} is a link to a versioned folder beside it, {@code output/.<id>.v<N>}.
 * A run writes its whole set into a fresh staging folder, renames that to the next version and then replaces the
 * link in one rename(2): a reader of {@code output/<id>/…} sees the old set or the new one, never a mix, whatever
 * signal or I/O error arrives. Older versions, stale staging folders of killed runs and files a run no longer
 * produces are removed after the switch (and at the start of the next run). Runs for one report take a lock, so a
 * run never removes another's staging folder.
 */
final class StagedOutput implements AutoCloseable {
    private static final Pattern VERSION = Pattern.compile("\\.(.+)\\.v(\\d+)");

    private final Path target;
    private final Path parent;
    private final String id;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Path staging;
    private final String before;
    private int files;
    private Path current;

    /** @param target output/&lt;id&gt; */
    StagedOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath().normalize();
        this.parent = this.target.getParent();
        this.id = this.target.getFileName().toString();
        this.before = describeCurrent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new OutputException("cannot create the output folder " + parent + " (" + reason(e) + ")", before);
        }
        try {
            this.lockFile = FileChannel.open(parent.resolve("." + id + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new OutputException("cannot write in " + parent + " (" + reason(e) + ")", before);
        }
        this.lock = lockFile.lock();
        if (Files.exists(this.target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(this.target) && !Files.isDirectory(this.target, LinkOption.NOFOLLOW_LINKS)) {
            close();
            throw new OutputException(this.target + " is " + (Files.isRegularFile(this.target, LinkOption.NOFOLLOW_LINKS) ? "a file" : "not a folder")
                    + " in the way of the outputs; move it away", "it was left as it is");
        }
        removeStale();
        try {
            // not createTempDirectory: its folders are private (0700), and the outputs are for every reader
            this.staging = Files.createDirectory(parent.resolve("." + id + ".staging-" + Long.toHexString(System.nanoTime())
                    + Integer.toHexString(new java.util.Random().nextInt())));
        } catch (IOException e) {
            close();
            throw new OutputException("cannot write in " + parent + " (" + reason(e) + ")", before);
        }
    }

    /**
     * From now on a file whose bytes equal those of the same name in the current set is taken over from it (a hard
     * link: nothing written, nothing to sync) rather than written again. For watch mode, which writes the whole set
     * after each artifact it re-renders.
     */
    void reuseUnchanged() {
        try {
            current = Files.isSymbolicLink(target) ? target.toRealPath() : null;
        } catch (IOException e) {
            current = null; // no current set: everything is written
        }
    }

    /** Writes {@code relative} (e.g. "briefs/01-x.pdf") into the staging folder, synced to disk. */
    void write(String relative, byte[] bytes) throws IOException {
        Path p = staging.resolve(relative).normalize();
        if (!p.startsWith(staging)) throw new IllegalArgumentException("output name leaves the output folder: " + relative);
        try {
            Files.createDirectories(p.getParent());
            if (current != null && linkedUnchanged(current.resolve(relative).normalize(), p, bytes)) {
                files++;
                return;
            }
            try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) ch.write(buf);
                ch.force(true);
            }
            files++;
        } catch (IOException e) {
            throw new OutputException("cannot write " + relative + " (" + reason(e) + ")", before);
        }
    }

    /** Links {@code old} at {@code p} when it holds exactly {@code bytes}; false when it does not or cannot be linked. */
    private static boolean linkedUnchanged(Path old, Path p, byte[] bytes) {
        try {
            if (!Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS) || Files.size(old) != bytes.length) return false;
            if (!java.util.Arrays.equals(Files.readAllBytes(old), bytes)) return false;
            Files.createLink(p, old);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // written instead
        }
    }

    /** Makes the staged set the current one in a single rename, then removes older sets. */
    void commit() throws IOException {
        Path version;
        try {
            syncTree(staging);
            version = parent.resolve("." + id + ".v" + nextVersion());
            Files.move(staging, version, StandardCopyOption.ATOMIC_MOVE);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                // outputs of an older toolkit: a plain folder. Moved aside once; for that moment output/<id> is absent.
                Files.move(target, parent.resolve("." + id + ".v0"), StandardCopyOption.ATOMIC_MOVE);
            }
            Path link = parent.resolve("." + id + ".link");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, version.getFileName());
            Files.move(link, target, StandardCopyOption.ATOMIC_MOVE); // rename(2) over the old link: the switch
            sync(parent);
        } catch (IOException e) {
            throw new OutputException("cannot switch to the new outputs (" + reason(e) + ")", before);
        }
        removeStale();
    }

    /** What output/&lt;id&gt; holds now, for the message of a failed run. */
    private String describeCurrent() {
        if (!Files.exists(target)) return "output/" + id + " had no outputs before this run and has none now";
        try (Stream<Path> s = Files.walk(target.toRealPath())) {
            long n = s.filter(Files::isRegularFile).count();
            return "output/" + id + " still holds the previous outputs, unchanged (" + n + " files)";
        } catch (IOException | java.io.UncheckedIOException e) {
            return "output/" + id + " was not touched";
        }
    }

    private int nextVersion() throws IOException {
        int max = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
            for (Path p : s) {
                Matcher m = VERSION.matcher(p.getFileName().toString());
                if (m.matches() && m.group(1).equals(id) && m.group(2).length() < 9) max = Math.max(max, Integer.parseInt(m.group(2)));
            }
        }
        return max + 1;
    }

    /** Removes this report's staging folders, spare links and versions other than the current one. Best effort. */
    private void removeStale() {
        Path current = null;
        try {
            if (Files.isSymbolicLink(target)) current = parent.resolve(Files.readSymbolicLink(target)).normalize();
        } catch (IOException e) {
            return; // cannot tell which version is current: remove nothing
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                boolean ours = name.startsWith("." + id + ".staging-") || name.equals("." + id + ".link")
                        || (VERSION.matcher(name).matches() && name.startsWith("." + id + ".v"));
                if (ours && !p.equals(current) && !p.equals(staging)) deleteTree(p);
            }
        } catch (IOException e) {
            // leftovers are removed by the next run
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (staging != null && Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) deleteTree(staging);
        } finally {
            if (lock != null && lock.isValid()) lock.release();
            if (lockFile != null) lockFile.close();
        }
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: a later run tries again
        }
    }

    private static void syncTree(Path dir) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isDirectory).forEach(dirs::add);
        }
        for (Path d : dirs) sync(d);
    }

    /** fsync of a folder, so the renames survive a crash too; a file system that cannot is left alone. */
    private static void sync(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported here
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file: " + e.getMessage();
        if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file is in the way: " + e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied: " + e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() != null ? ": " + fs.getFile() : "");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writing or switching failed; {@link #kept()} says what output/&lt;id&gt; holds. */
    static final class OutputException extends IOException {
        private final String kept;

        OutputException(String message, String kept) {
            super(message);
            this.kept = kept;
        }

        String kept() {
            return kept;
        }
    }
}
