package ai.qbit.reports.render;

import ai.qbit.reports.support.Rendered;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qpdf --check} finds no syntax or stream error in any PDF we write (the tagging rewrites every page's
 * content stream). qpdf is installed by .ci/run; on a machine without it the test is skipped, saying so.
 */
class QpdfCheckTest {

    @ParameterizedTest
    @MethodSource(TaggedPdfTest.IDS)
    void qpdfFindsNoError(String id) throws Exception {
        Assumptions.assumeTrue(available(), "qpdf is not installed (.ci/run installs it)");
        Rendered r = Rendered.of(id);
        List<String> failed = new ArrayList<>();
        for (Path pdf : r.pdfs()) {
            Process p = new ProcessBuilder("qpdf", "--check", pdf.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "qpdf did not finish on " + pdf);
            // exit 0: clean; 3: warnings only; 2: errors
            if (p.exitValue() != 0) failed.add(r.dir().relativize(pdf) + " (exit " + p.exitValue() + "):\n" + out);
        }
        assertTrue(failed.isEmpty(), "qpdf --check:\n" + String.join("\n", failed));
    }

    private static boolean available() {
        try {
            return new ProcessBuilder("qpdf", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
