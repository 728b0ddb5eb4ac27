package ai.qbit.reports.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Page text as a reader sees it above the footer. Flying Saucer paints the first lines of each page a second
 * time into the bottom margin of the page before, clipped away (poppler and viewers do not show them, but
 * PDFBox's text stripper ignores clipping paths), so the bottom margin band is left out.
 */
public final class VisibleText extends PDFTextStripper {
    private final float bottomMargin;

    private VisibleText(float bottomMarginPt, boolean byPosition) {
        this.bottomMargin = bottomMarginPt;
        // Flying Saucer writes a styled run after the line it belongs to, so prose reads in position order;
        // a table cell's wrapped lines read in stream order (by position they interleave with the next cell's)
        setSortByPosition(byPosition);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        float h = getCurrentPage().getMediaBox().getHeight();
        if (text.getY() <= h - bottomMargin + 2) super.processTextPosition(text);
    }

    /** The visible text of every page above a bottom margin of {@code bottomMarginMm}, index 0 = first page. */
    public static List<String> pages(PDDocument doc, float bottomMarginMm) throws IOException {
        return pages(doc, bottomMarginMm, true);
    }

    public static List<String> pages(PDDocument doc, float bottomMarginMm, boolean byPosition) throws IOException {
        return pagesAbove(doc, bottomMarginMm * 72f / 25.4f, byPosition);
    }

    /** As {@link #pages(PDDocument, float, boolean)}, the bottom margin in points (the theme's page geometry). */
    public static List<String> pagesAbove(PDDocument doc, double bottomMarginPt, boolean byPosition) throws IOException {
        VisibleText s = new VisibleText((float) bottomMarginPt, byPosition);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            s.setStartPage(i);
            s.setEndPage(i);
            out.add(s.getText(doc));
        }
        return out;
    }
}
