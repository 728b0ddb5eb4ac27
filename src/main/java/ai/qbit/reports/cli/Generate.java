package ai.qbit.reports.cli;

import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Templates;
import ai.qbit.reports.render.brief.BriefWriter;
import ai.qbit.reports.render.deck.DeckTemplate;
import ai.qbit.reports.render.deck.DeckWriter;
import ai.qbit.reports.render.pdf.ReportPdfWriter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One run: load and validate the model; render the report PDF and, beside it, the deck; then the briefs and part
 * digests (they cite the report's real page numbers); move everything into output/&lt;report&gt;/ at once.
 */
public final class Generate {
    private final Path root;
    private final PrintStream log;

    public Generate(Path root, PrintStream log) {
        this.root = root;
        this.log = log;
    }

    /** What the run produced, for callers that want numbers (the benchmark). */
    public record Summary(ReportPdfWriter.Rendered pdf, DeckWriter.Rendered deck, BriefWriter.Rendered briefs,
                          BriefWriter.Digests digests, long pdfMillis, long deckMillis, long briefsMillis, long totalMillis) {
    }

    public Report load(String reportId) {
        return new ReportLoader(root.resolve("assets")).load(root.resolve("seeds").resolve(reportId));
    }

    public Summary render(Report report, Optional<Path> deckTemplate) throws Exception {
        Templates templates = Templates.forReport(root, report);
        // the presenter's template is checked before any work; the built-in one is made on the deck's own thread
        DeckTemplate custom = deckTemplate.isPresent() ? DeckTemplate.of(deckTemplate.get()) : null;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // the deck needs nothing from the PDF, so it starts at once; the briefs wait for the report's page numbers
            long t0 = System.nanoTime();
            CompletableFuture<Timed<DeckWriter.Rendered>> deck = CompletableFuture.supplyAsync(
                    () -> Timed.of(() -> new DeckWriter().write(report, custom != null ? custom : DeckTemplate.builtIn(report.theme()))), pool);
            // the briefs and digests cite the report's page numbers: they start once it is laid out, while its PDF is finished
            CompletableFuture<Map<String, String>> labels = new CompletableFuture<>();
            CompletableFuture<Timed<BriefWriter.Digests>> digestsJob = labels.thenApplyAsync(
                    l -> Timed.of(() -> new BriefWriter(templates).partDigests(report, l)), pool);
            CompletableFuture<Timed<BriefWriter.Rendered>> briefsJob = labels.thenApplyAsync( // its own thread: it waits on the pool
                    l -> Timed.of(() -> new BriefWriter(templates).write(report, l, pool)), r -> new Thread(r, "briefs").start());
            Timed<ReportPdfWriter.Rendered> pdf;
            try {
                pdf = Timed.of(() -> new ReportPdfWriter(templates).write(report, labels::complete));
            } catch (RuntimeException e) {
                labels.cancel(false);
                throw e;
            }
            Timed<BriefWriter.Rendered> briefs = join(briefsJob);
            Timed<BriefWriter.Digests> digests = join(digestsJob);
            Timed<DeckWriter.Rendered> d = join(deck);
            logLine("report.pdf", pdf.value().pdf().length, pdf.value().pages() + " pages", pdf.millis());
            logLine("deck.pptx", d.value().pptx().length, d.value().slides() + " slides", d.millis());
            long briefBytes = briefs.value().pdfs().values().stream().mapToLong(b -> b.length).sum();
            logLine("briefs/*.pdf|md", briefBytes, briefs.value().pdfs().size() + " briefs, "
                    + briefs.value().pages().values().stream().mapToInt(Integer::intValue).sum() + " pages", briefs.millis());
            if (briefs.value().pack() != null) logLine("briefs/briefs.pdf", briefs.value().pack().length, briefs.value().pdfs().size() + " bookmarks", 0);
            logLine("briefs/part-*.pdf|md", digests.value().pdfs().values().stream().mapToLong(b -> b.length).sum(),
                    digests.value().pdfs().size() + " part digests", digests.millis());
            long total = (System.nanoTime() - t0) / 1_000_000;
            log.printf(Locale.ROOT, "all artifacts in %.1f s%n", total / 1000.0);
            return new Summary(pdf.value(), d.value(), briefs.value(), digests.value(), pdf.millis(), d.millis(),
                    briefs.millis(), total);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes every artifact of {@code s} to output/&lt;report&gt;/, all or nothing. */
    public void write(Report report, Summary s, Path outputDir) throws Exception {
        write(report, s, outputDir, false);
    }

    /** As {@link #write(Report, Summary, Path)}; with {@code reuseUnchanged}, files equal to the current ones are linked, not written. */
    void write(Report report, Summary s, Path outputDir, boolean reuseUnchanged) throws Exception {
        try (StagedOutput out = new StagedOutput(outputDir)) {
            if (reuseUnchanged) out.reuseUnchanged();
            out.write("report.pdf", s.pdf().pdf());
            out.write("deck.pptx", s.deck().pptx());
            writeBriefs(out, s.briefs().pdfs(), s.briefs().markdown());
            if (s.briefs().pack() != null) out.write("briefs/briefs.pdf", s.briefs().pack());
            writeBriefs(out, s.digests().pdfs(), s.digests().markdown());
            out.commit();
        }
    }

    /** Each stem as briefs/&lt;stem&gt;.pdf and its Markdown twin briefs/&lt;stem&gt;.md. */
    private static void writeBriefs(StagedOutput out, Map<String, byte[]> pdfs, Map<String, String> markdown) throws java.io.IOException {
        for (Map.Entry<String, byte[]> e : pdfs.entrySet()) out.write("briefs/" + e.getKey() + ".pdf", e.getValue());
        for (Map.Entry<String, String> e : markdown.entrySet()) {
            out.write("briefs/" + e.getKey() + ".md", e.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void logLine(String what, long bytes, String count, long millis) {
        log.printf(Locale.ROOT, "  %-18s %8.1f KB  %-22s %s%n", what, bytes / 1024.0, count,
                millis > 0 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0) : "");
    }

    private static <T> T join(CompletableFuture<T> f) throws Exception {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RenderFailure rf && rf.getCause() instanceof Exception ex) throw ex;
            if (cause instanceof Exception ex) throw ex;
            throw e;
        }
    }

    /** A value and how long it took. */
    record Timed<T>(T value, long millis) {
        interface Work<T> {
            T run() throws Exception;
        }

        static <T> Timed<T> of(Work<T> w) {
            long t0 = System.nanoTime();
            try {
                T v = w.run();
                return new Timed<>(v, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new RenderFailure(e);
            }
        }
    }

    /** Carries a checked exception out of a lambda. */
    static final class RenderFailure extends RuntimeException {
        RenderFailure(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
