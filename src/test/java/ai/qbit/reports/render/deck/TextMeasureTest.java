package ai.qbit.reports.render.deck;

import ai.qbit.reports.support.RenderedDecks;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fitting's measure is POI's: the same height for every text of both decks, also after its sizes change. */
class TextMeasureTest {
    static final List<String> REPORTS = RenderedDecks.REPORTS;

    @ParameterizedTest
    @FieldSource("REPORTS")
    void heightIsPoisOwnAtEverySize(String report) throws Exception {
        List<String> wrong = new ArrayList<>();
        int measured = 0;
        try (XMLSlideShow show = RenderedDecks.of(report).openMeasurable()) {
            for (XSLFSlide s : show.getSlides()) {
                for (XSLFTextShape t : s.getPlaceholders()) {
                    if (t.getText().isBlank()) continue;
                    TextMeasure m = new TextMeasure(t);
                    for (double factor : new double[]{1, 0.7, 1.3}) {
                        if (factor != 1) resize(t, factor);
                        double poi = t.getTextHeight(), ours = m.height(null);
                        measured++;
                        if (poi != ours) wrong.add("slide " + s.getSlideNumber() + " " + t.getShapeName() + " ×" + factor + ": POI " + poi + ", measured " + ours);
                    }
                    // a body measured one column of two wide: as POI measures the shape narrowed to that width
                    double half = t.getAnchor().getWidth() / 2;
                    double ours = m.height(half);
                    java.awt.geom.Rectangle2D box = t.getAnchor();
                    SlideText.moveTo(t, new java.awt.geom.Rectangle2D.Double(box.getX(), box.getY(), half, box.getHeight()));
                    if (t.getTextHeight() != ours) wrong.add("slide " + s.getSlideNumber() + " " + t.getShapeName() + " half width: POI " + t.getTextHeight() + ", measured " + ours);
                }
            }
        }
        assertTrue(measured > 100, "measured only " + measured);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void resize(XSLFTextShape t, double factor) {
        for (XSLFTextParagraph p : t.getTextParagraphs()) {
            for (XSLFTextRun r : p.getTextRuns()) {
                Double size = r.getFontSize();
                r.setFontSize(Math.max(1, Math.round((size == null ? 18 : size) * factor * 2) / 2.0));
            }
        }
    }
}
