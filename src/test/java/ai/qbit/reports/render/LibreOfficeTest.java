package ai.qbit.reports.render;

import ai.qbit.reports.support.Rendered;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deck opens in another office suite: LibreOffice Impress converts it to PDF, one page per slide. */
class LibreOfficeTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource(ReportPdfTest.IDS)
    void impressConvertsTheDeck(String id) throws Exception {
        String soffice = java.util.stream.Stream.of("/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice")
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
        Assumptions.assumeTrue(soffice != null, "LibreOffice is not installed (CI installs it)");
        Path deck = Rendered.of(id).file("deck.pptx");
        Process p = new ProcessBuilder(soffice, "--headless", "-env:UserInstallation=file://" + tmp.resolve("profile"),
                "--convert-to", "pdf", "--outdir", tmp.toString(), deck.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("soffice.log").toFile()).start();
        assertTrue(p.waitFor(240, TimeUnit.SECONDS), "soffice finished");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("soffice.log")));
        Path pdf = tmp.resolve("deck.pdf");
        assertTrue(Files.exists(pdf), Files.readString(tmp.resolve("soffice.log")));
        try (PDDocument d = Loader.loadPDF(pdf.toFile()); var deckShow = new org.apache.poi.xslf.usermodel.XMLSlideShow(Files.newInputStream(deck))) {
            assertEquals(deckShow.getSlides().size(), d.getNumberOfPages());
        }
    }
}
