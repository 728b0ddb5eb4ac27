package ai.qbit.reports.cli;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Outputs are written into a staging folder beside their destination and moved into place only when every
 * artifact of the run has been written; a run that fails leaves the previous outputs byte for byte.
 */
final class StagedOutput implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final List<Path> files = new ArrayList<>();

    StagedOutput(Path target) throws IOException {
        this.target = target;
        Files.createDirectories(target);
        if (!Files.isWritable(target)) throw new IOException("output folder " + target + " is not writable");
        this.staging = Files.createTempDirectory(target, ".staging-");
    }

    /** Writes {@code relative} (e.g. "briefs/01-x.pdf") into the staging folder. */
    void write(String relative, byte[] bytes) throws IOException {
        Path p = staging.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        files.add(Path.of(relative));
    }

    /** Moves every staged file over its destination, each move atomic. */
    void commit() throws IOException {
        for (Path rel : files) {
            Path dest = target.resolve(rel);
            Files.createDirectories(dest.getParent());
            try {
                Files.move(staging.resolve(rel), dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(rel), dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (!Files.exists(staging)) return;
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
