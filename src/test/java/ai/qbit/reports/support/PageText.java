package ai.qbit.reports.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of every page, whole: running header, body and footer, as any extractor (search, copy, a screen
 * reader without tags) gets it. Nothing is cut away: a line painted outside the page's visible area would show
 * up here, and GhostTextTest fails on it.
 */
public final class PageText {
    private PageText() {
    }

    /** Index 0 = first page; {@code byPosition}: in reading position, else in content-stream order. */
    public static List<String> pages(PDDocument doc, boolean byPosition) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        // Flying Saucer writes a styled run after the line it belongs to, so prose reads in position order;
        // a table cell's wrapped lines read in stream order (by position they interleave with the next cell's)
        s.setSortByPosition(byPosition);
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            s.setStartPage(i);
            s.setEndPage(i);
            out.add(s.getText(doc));
        }
        return out;
    }
}
