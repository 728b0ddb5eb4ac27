package ai.qbit.reports.render;

import ai.qbit.reports.support.Rendered;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run prints: one line per artifact, with the counts the files really have. */
class RunLogTest {
    @ParameterizedTest
    @MethodSource(ReportPdfTest.IDS)
    void theLogCountsWhatWasWritten(String id) throws Exception {
        Rendered r = Rendered.of(id);
        String log = r.log();
        try (PDDocument d = Loader.loadPDF(r.file("report.pdf").toFile())) {
            assertTrue(log.matches("(?s).*report\\.pdf\\s+[\\d.]+ KB\\s+" + d.getNumberOfPages() + " pages.*"), log);
        }
        int slides = DeckTest.show(id).getSlides().size();
        assertTrue(log.matches("(?s).*deck\\.pptx\\s+[\\d.]+ KB\\s+" + slides + " slides.*"), log);
        assertTrue(log.contains(r.report().briefChapters().size() + " briefs"), log);
        assertTrue(log.contains(r.report().briefChapters().size() + " bookmarks"), log);
        assertTrue(log.contains("all artifacts in"), log);
    }
}
