package ai.qbit.reports.render.deck;

import ai.qbit.reports.support.RenderedDecks;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Slides that use the room: text fits its box, and no content slide leaves more than half its body empty. */
class DeckSlidesTest {
    static final List<String> REPORTS = RenderedDecks.REPORTS;

    @ParameterizedTest
    @FieldSource("REPORTS")
    void textFitsAndFillsAtLeastHalfTheBody(String report) throws Exception {
        List<String> wrong = new ArrayList<>();
        try (XMLSlideShow show = RenderedDecks.of(report).openMeasurable()) {
            for (XSLFSlide s : show.getSlides()) {
                SlideLayout type = s.getSlideLayout().getType();
                boolean divider = type == SlideLayout.TITLE || type == SlideLayout.SECTION_HEADER;
                boolean chart = s.getShapes().stream().anyMatch(sh -> sh instanceof XSLFGraphicFrame g && g.hasChart());
                for (XSLFTextShape t : s.getPlaceholders()) {
                    double available = t.getAnchor().getHeight() - t.getTopInset() - t.getBottomInset();
                    double used = SlideText.textHeight(t);
                    String where = "slide " + s.getSlideNumber() + " " + t.getShapeName();
                    if (used > available + 1) wrong.add(where + " overflows (" + Math.round(used) + " pt in " + Math.round(available) + ")");
                    boolean body = t.getPlaceholderDetails().getPlaceholder() == Placeholder.BODY || t.getPlaceholderDetails().getPlaceholder() == Placeholder.CONTENT;
                    if (body && !divider && !chart && used < available / 2) wrong.add(where + " leaves " + Math.round(100 - 100 * used / available) + "% of its body empty: " + t.getText().substring(0, Math.min(40, t.getText().length())));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
