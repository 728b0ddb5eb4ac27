package ai.qbit.reports.support;

import ai.qbit.reports.cli.Generate;
import ai.qbit.reports.model.Report;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real 2024 report, rendered once per test JVM into target/test-output/2024 through the same code path as
 * the CLI. Tests read these files back, the way a reader or presenter would get them.
 */
public final class Rendered2024 {
    public static final Path ROOT = Path.of("").toAbsolutePath();
    public static final Path OUT = ROOT.resolve("target/test-output/2024");

    private static Report report;
    private static String log;

    private Rendered2024() {
    }

    public static synchronized Report report() {
        ensure();
        return report;
    }

    public static synchronized Path dir() {
        ensure();
        return OUT;
    }

    public static synchronized String log() {
        ensure();
        return log;
    }

    private static void ensure() {
        if (report != null) return;
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Generate g = new Generate(ROOT, new PrintStream(buf, true, StandardCharsets.UTF_8));
            Report r = g.load("2024");
            Generate.Summary s = g.render(r, Optional.empty());
            Files.createDirectories(OUT);
            g.write(r, s, OUT);
            log = buf.toString(StandardCharsets.UTF_8);
            report = r;
        } catch (Exception e) {
            throw new IllegalStateException("rendering the 2024 report failed", e);
        }
    }

    public static Path file(String relative) {
        return dir().resolve(relative);
    }
}
