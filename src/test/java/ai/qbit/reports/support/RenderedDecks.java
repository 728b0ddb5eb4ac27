package ai.qbit.reports.support;

import ai.qbit.reports.cli.Generate;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.deck.DeckTemplate;
import ai.qbit.reports.render.deck.DeckWriter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deck of every sample report under seeds/, built once per test JVM on the built-in template (no PDF, so it
 * takes seconds) and written to target/test-output/decks/&lt;report&gt;/deck.pptx for a look.
 */
public final class RenderedDecks {
    public static final List<String> REPORTS = Rendered.ids();
    private static final Path OUT = Rendered.ROOT.resolve("target/test-output/decks");
    private static final Map<String, Deck> DECKS = new ConcurrentHashMap<>();

    public record Deck(Report report, byte[] pptx, Path file) {
        /** The deck as POI reads it, with the theme's fonts known to AWT, so its text measures as when it was written. */
        public org.apache.poi.xslf.usermodel.XMLSlideShow openMeasurable() throws java.io.IOException {
            new ai.qbit.reports.chart.ThemeFonts(report.theme()).registerWithAwt();
            return new org.apache.poi.xslf.usermodel.XMLSlideShow(new java.io.ByteArrayInputStream(pptx));
        }
    }

    private RenderedDecks() {
    }

    public static synchronized Deck of(String reportId) {
        return DECKS.computeIfAbsent(reportId, id -> {
            try {
                Generate g = new Generate(Rendered.ROOT, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                Report r = g.load(id);
                byte[] pptx = new DeckWriter().write(r, DeckTemplate.builtIn(r.theme())).pptx();
                Path file = OUT.resolve(id).resolve("deck.pptx");
                Files.createDirectories(file.getParent());
                Files.write(file, pptx);
                return new Deck(r, pptx, file);
            } catch (Exception e) {
                throw new IllegalStateException("rendering the deck of " + id + " failed", e);
            }
        });
    }
}
