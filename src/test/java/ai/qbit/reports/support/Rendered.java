package ai.qbit.reports.support;

import ai.qbit.reports.cli.Generate;
import ai.qbit.reports.model.Report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A report rendered through the same code path as the command line ({@code Generate.load/render/write}), once per
 * test JVM, into target/test-output/&lt;id&gt;/. Tests read these files back, the way a reader or presenter would
 * get them. {@link #ids()} lists every report under seeds/, so a test parameterised over it tests them all.
 */
public final class Rendered {
    public static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Map<String, Rendered> SEEDS = new ConcurrentHashMap<>();

    private final Path root;
    private final String id;
    private final Report report;
    private final Path dir;
    private final String log;
    private ReportPdf pdf;

    private Rendered(Path root, String id, Report report, Path dir, String log) {
        this.root = root;
        this.id = id;
        this.report = report;
        this.dir = dir;
        this.log = log;
    }

    /** The report folders under seeds/ (those with a report.yaml), sorted: the argument source of the generic tests. */
    public static List<String> ids() {
        Path seeds = ROOT.resolve("seeds");
        try (Stream<Path> s = Files.list(seeds)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("report.yaml"))).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** seeds/&lt;id&gt; rendered into target/test-output/&lt;id&gt;/, once per JVM. */
    public static Rendered of(String id) {
        synchronized (SEEDS) {
            return SEEDS.computeIfAbsent(id, k -> render(ROOT, k, ROOT.resolve("target/test-output").resolve(k)));
        }
    }

    /** {@code root}/seeds/&lt;id&gt; (a project root with assets/ and templates/) rendered into {@code out}, uncached. */
    public static Rendered render(Path root, String id, Path out) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Generate g = new Generate(root, new PrintStream(buf, true, StandardCharsets.UTF_8));
            Report r = g.load(id);
            Generate.Summary s = g.render(r, Optional.empty());
            Files.createDirectories(out);
            g.write(r, s, out);
            return new Rendered(root, id, r, out, buf.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("rendering report " + id + " failed", e);
        }
    }

    public String id() {
        return id;
    }

    public Report report() {
        return report;
    }

    /** The output folder: report.pdf, deck.pptx, briefs/. */
    public Path dir() {
        return dir;
    }

    public Path file(String relative) {
        return dir.resolve(relative);
    }

    /** What the run printed. */
    /** Every PDF written: report.pdf, then each under briefs/ (briefs, the merged pack, part digests), sorted. */
    public List<Path> pdfs() {
        List<Path> out = new java.util.ArrayList<>(List.of(file("report.pdf")));
        try (Stream<Path> s = Files.list(file("briefs"))) {
            s.filter(p -> p.toString().endsWith(".pdf")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public String log() {
        return log;
    }

    /** The model's folder, seeds/&lt;id&gt;. */
    public Path model() {
        return root.resolve("seeds").resolve(id);
    }

    /** report.pdf read back once (text, page labels, headings); kept open for the JVM's life. */
    public synchronized ReportPdf pdf() {
        if (pdf == null) pdf = ReportPdf.open(this);
        return pdf;
    }

    @Override
    public String toString() {
        return id;
    }
}
