package ai.qbit.reports.render;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.ReportPdf;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static ai.qbit.reports.support.ReportPdf.squeeze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contents' links as a reader clicks them: on the contents pages no two link areas overlap (an overlap sends
 * a click on one entry to its neighbour's page), each area covers its entry's words and page number, and each
 * entry jumps to the page where its heading is — found from the page text, not from the links or the outline.
 */
class TocLinksTest {

    /** One contents entry as the model lists it: its words and the page where its heading is set. */
    record Entry(String words, int page, String heading, boolean landsAtHeading) {
        Entry(String words, int page, String heading) {
            this(words, page, heading, true);
        }
    }

    record Link(int page, PDRectangle rect, int target, float top) {
    }

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void contentsLinksDoNotOverlapCoverTheirEntryAndJumpToTheHeading(String id) throws IOException {
        ReportPdf pdf = Rendered.of(id).pdf();
        PDDocument doc = pdf.doc;
        int first = pdf.pageWithHeadline(pdf.report().lang().msg("toc.title"), 1);
        assertTrue(first > 0, id + ": a page headed by the contents title");
        int end = pdf.bodyStart();

        List<Link> links = new ArrayList<>();
        for (int i = first; i < end; i++) {
            PDPage page = doc.getPage(i);
            List<Link> onPage = new ArrayList<>();
            for (PDAnnotation a : page.getAnnotations()) {
                if (!(a instanceof PDAnnotationLink link)) continue;
                var d = link.getDestination();
                if (d == null && link.getAction() instanceof PDActionGoTo g) d = g.getDestination();
                assertTrue(d instanceof PDPageXYZDestination, id + ": contents link on page index " + i + " has a page destination");
                PDPageDestination pd = (PDPageDestination) d;
                onPage.add(new Link(i, a.getRectangle(), doc.getPages().indexOf(pd.getPage()), ((PDPageXYZDestination) d).getTop()));
            }
            for (int a = 0; a < onPage.size(); a++)
                for (int b = a + 1; b < onPage.size(); b++)
                    assertTrue(overlap(onPage.get(a).rect(), onPage.get(b).rect()) <= ROUNDING,
                            id + ": link areas overlap on page index " + i + ": " + onPage.get(a) + " and " + onPage.get(b));
            links.addAll(onPage);
        }

        List<Entry> entries = entries(pdf);
        assertEquals(entries.size(), links.size(), id + ": one link per contents entry " + entries.stream().map(Entry::words).toList());
        Map<Integer, List<TextPosition>> glyphs = new HashMap<>();
        for (int n = 0; n < entries.size(); n++) {
            Entry e = entries.get(n);
            Link l = links.get(n);
            List<TextPosition> page = glyphs.computeIfAbsent(l.page(), p -> glyphs(doc, p, pdf.bottomMarginPt));
            float height = doc.getPage(l.page()).getMediaBox().getHeight();
            StringBuilder inside = new StringBuilder();
            for (TextPosition t : page) {
                float baseline = height - t.getYDirAdj();
                float x = t.getXDirAdj() + t.getWidthDirAdj() / 2;
                if (x < l.rect().getLowerLeftX() || x > l.rect().getUpperRightX()) continue;
                if (baseline < l.rect().getLowerLeftY() || baseline > l.rect().getUpperRightY()) continue;
                inside.append(t.getUnicode());
                // the glyph's body, from just below the baseline to its cap height, lies in the area too
                float below = baseline - 0.12f * t.getFontSizeInPt(), above = baseline + 0.75f * t.getFontSizeInPt();
                assertTrue(below >= l.rect().getLowerLeftY() - 0.5 && above <= l.rect().getUpperRightY() + 0.5,
                        id + ": \"" + e.words() + "\": glyph " + t.getUnicode() + " (" + below + "–" + above + ") sticks out of its link " + l.rect());
            }
            String words = squeeze(inside.toString());
            String label = pdf.label(e.page());
            assertTrue(words.startsWith(squeeze(e.words())) && words.endsWith(label) && words.contains("..."),
                    id + ": link " + n + " " + l.rect() + " on page index " + l.page() + " covers \"" + words
                            + "\", not the entry \"" + e.words() + "\" with its leader and page number " + label);
            assertEquals(e.page(), l.target(), id + ": \"" + e.words() + "\" jumps to page index " + l.target()
                    + ", its heading is on page index " + e.page());
            // the jump lands just above the heading, not below it (the heading would be scrolled away); a part's
            // opener is a whole page drawn round its title, shown from its top
            if (!e.landsAtHeading()) continue;
            float headingTop = headingTop(doc, e, pdf.bottomMarginPt);
            assertTrue(l.top() >= headingTop - 1 && l.top() - headingTop < 80,
                    id + ": \"" + e.words() + "\" jumps to y=" + l.top() + ", its heading's top is at y=" + headingTop);
        }
    }

    /** The contents entries in order: parts, chapters and their first-level sections, then the back matter. */
    static List<Entry> entries(ReportPdf pdf) {
        Report r = pdf.report();
        Labels l = new Labels(r);
        List<Entry> out = new ArrayList<>();
        for (Part p : r.parts()) {
            if (!p.implicit()) out.add(new Entry(l.part(p) + p.title(), pdf.openerOf(p), p.title(), false));
            for (Chapter c : p.chapters()) {
                out.add(new Entry(l.tocLabel(c) + l.fullTitle(c), pdf.startOf(c), c.title()));
                sections(pdf, c, out);
            }
        }
        for (Chapter c : r.back()) {
            out.add(new Entry(c.title(), pdf.startOf(c), c.title()));
            sections(pdf, c, out);
        }
        return out;
    }

    /** A section's page: the first of its chapter's pages, after the previous section's, that sets its words large. */
    private static void sections(ReportPdf pdf, Chapter c, List<Entry> out) {
        int[] pages = pdf.pagesOf(c);
        int from = pages[0];
        for (Block.Heading h : c.topHeadings()) {
            int found = -1;
            for (int i = from; i < pages[1] && found < 0; i++) if (largeText(pdf, i).contains(squeeze(h.plainText()))) found = i;
            assertTrue(found >= 0, pdf.rendered.id() + ": section \"" + h.plainText() + "\" of " + c.id() + " set as a heading on its chapter's pages");
            out.add(new Entry(h.plainText(), found, h.plainText()));
            from = found;
        }
    }

    private static final Map<String, String> LARGE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The page's text set larger than body text (headings, titles), whitespace removed. */
    private static String largeText(ReportPdf pdf, int page) {
        return LARGE.computeIfAbsent(pdf.rendered.id() + "#" + page, k -> {
            StringBuilder sb = new StringBuilder();
            for (TextPosition t : glyphs(pdf.doc, page, pdf.bottomMarginPt))
                if (t.getFontSizeInPt() > bodySize(pdf) + 1) sb.append(t.getUnicode());
            return squeeze(sb.toString());
        });
    }

    private static final Map<String, Float> BODY = new java.util.concurrent.ConcurrentHashMap<>();

    /** The most common type size of the body's pages. */
    private static float bodySize(ReportPdf pdf) {
        return BODY.computeIfAbsent(pdf.rendered.id(), k -> {
            Map<Float, Integer> count = new HashMap<>();
            int start = pdf.bodyStart();
            for (int i = start; i < Math.min(start + 12, pdf.doc.getNumberOfPages()); i++)
                for (TextPosition t : glyphs(pdf.doc, i, pdf.bottomMarginPt)) count.merge((float) Math.round(t.getFontSizeInPt() * 2) / 2, 1, Integer::sum);
            return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        });
    }

    /** The top (PDF y) of the heading's first glyph on its page: the first large glyph of its words. */
    private static float headingTop(PDDocument doc, Entry e, float bottom) {
        List<TextPosition> page = glyphs(doc, e.page(), bottom);
        float height = doc.getPage(e.page()).getMediaBox().getHeight();
        String want = squeeze(e.heading());
        StringBuilder sb = new StringBuilder();
        List<TextPosition> kept = new ArrayList<>();
        for (TextPosition t : page) {
            if (t.getUnicode().isBlank()) continue;
            sb.append(t.getUnicode());
            kept.add(t);
        }
        // the last occurrence set in the largest type: a running head repeats the chapter title in small type
        int best = -1;
        float size = 0;
        for (int at = sb.indexOf(want); at >= 0; at = sb.indexOf(want, at + 1)) {
            if (kept.get(at).getFontSizeInPt() > size) {
                size = kept.get(at).getFontSizeInPt();
                best = at;
            }
        }
        assertTrue(best >= 0, "\"" + e.heading() + "\" on page index " + e.page());
        TextPosition t = kept.get(best);
        return height - t.getYDirAdj() + 0.75f * t.getFontSizeInPt();
    }

    private static final Map<String, List<TextPosition>> GLYPHS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The page's glyphs above the bottom margin (Flying Saucer repaints next page's first lines there, clipped). */
    static List<TextPosition> glyphs(PDDocument doc, int page, float bottom) {
        return GLYPHS.computeIfAbsent(System.identityHashCode(doc) + "#" + page, k -> {
            float height = doc.getPage(page).getMediaBox().getHeight();
            List<TextPosition> kept = new ArrayList<>();
            try {
                PDFTextStripper s = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition t) {
                        if (t.getYDirAdj() <= height - bottom + 2) kept.add(t);
                    }
                };
                s.setSortByPosition(true);
                s.setStartPage(page + 1);
                s.setEndPage(page + 1);
                s.getText(doc);
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
            return kept;
        });
    }

    /** Flying Saucer lays out in 1/20 pt: areas that abut may share 0.05 pt, which no click can tell apart. */
    private static final double ROUNDING = 0.06;

    /** How far two areas overlap: the smaller of the overlap's width and height, 0 when they do not. */
    private static double overlap(PDRectangle a, PDRectangle b) {
        double w = Math.min(a.getUpperRightX(), b.getUpperRightX()) - Math.max(a.getLowerLeftX(), b.getLowerLeftX());
        double h = Math.min(a.getUpperRightY(), b.getUpperRightY()) - Math.max(a.getLowerLeftY(), b.getLowerLeftY());
        return w <= 0 || h <= 0 ? 0 : Math.min(w, h);
    }
}
