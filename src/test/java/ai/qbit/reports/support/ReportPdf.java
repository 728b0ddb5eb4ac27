package ai.qbit.reports.support;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Labels;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * report.pdf as a reader sees it: the visible text of each page, its page labels, and each page's headline (the
 * text set in the page's largest type), from which the page where each chapter starts is found — independently of
 * the outline, the links and the page labels the tests compare against it.
 */
public final class ReportPdf {
    public final Rendered rendered;
    /** The theme's bottom page margin in points, below which Flying Saucer's clipped repaint lies (see PageText). */
    public final float bottomMarginPt;
    public final PDDocument doc;
    /** The whole text of each page, in position order; index 0 = the cover. */
    public final List<String> text;
    /** The page labels by page index (empty when the file has none). */
    public final String[] labels;
    /** Per page, the text in the page's largest font size, whitespace removed. */
    public final List<String> headlines;
    private final Map<Chapter, Integer> starts = new LinkedHashMap<>();

    private ReportPdf(Rendered r, PDDocument doc) throws IOException {
        this.rendered = r;
        this.doc = doc;
        this.bottomMarginPt = (float) r.report().theme().page().margin().bottom();
        this.text = PageText.pages(doc, true);
        PDPageLabels pl = doc.getDocumentCatalog().getPageLabels();
        this.labels = pl == null ? new String[0] : pl.getLabelsByPageIndices();
        this.headlines = headlines(doc);
    }

    static ReportPdf open(Rendered r) {
        try {
            return new ReportPdf(r, Loader.loadPDF(r.file("report.pdf").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Report report() {
        return rendered.report();
    }

    public String all() {
        return String.join("\n", text);
    }

    public String label(int page) {
        return page >= 0 && page < labels.length ? labels[page] : "#" + (page + 1);
    }

    /** Whitespace removed: how the tests compare text that the layout may wrap anywhere. */
    public static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** The index of the page whose headline is {@code title}, searching from {@code from}; -1 when none. */
    public int pageWithHeadline(String title, int from) {
        String t = squeeze(title);
        for (int i = Math.max(0, from); i < headlines.size(); i++) if (headlines.get(i).equals(t)) return i;
        return -1;
    }

    /**
     * The page index where chapter {@code c} starts: the first page, after the previous chapter's start, whose
     * largest type is the chapter's title. Front matter, body and back matter are searched in reading order.
     */
    public synchronized int startOf(Chapter c) {
        if (starts.isEmpty()) {
            int from = 1;
            for (Chapter ch : report().allChapters()) {
                int p = pageWithHeadline(ch.title(), from);
                starts.put(ch, p);
                if (p >= 0) from = p + 1;
            }
        }
        Integer p = starts.get(c);
        if (p == null || p < 0) throw new AssertionError(rendered.id() + ": no page of report.pdf has the title of chapter "
                + c.id() + " (\"" + c.title() + "\") as its largest text; headlines: " + headlines);
        return p;
    }

    /** The page where the part's opener is: the page before its first chapter, which names the part. */
    public int openerOf(Part p) {
        int opener = startOf(p.chapters().get(0)) - 1;
        if (!squeeze(text.get(opener)).contains(squeeze(p.title())))
            throw new AssertionError(rendered.id() + ": the page before " + p.chapters().get(0).id() + " does not open part " + p.id());
        return opener;
    }

    /** The page index where the body (arabic page 1) begins: the first part opener, or the first body chapter. */
    public int bodyStart() {
        Report r = report();
        return r.visibleParts().isEmpty() ? startOf(r.body().get(0)) : openerOf(r.visibleParts().get(0));
    }

    /** The page range [start, end) of chapter {@code c}'s pages (to the next chapter's or part opener's start). */
    public int[] pagesOf(Chapter c) {
        List<Chapter> all = report().allChapters();
        int i = all.indexOf(c);
        int start = startOf(c);
        int end = i + 1 < all.size() ? startOf(all.get(i + 1)) : doc.getNumberOfPages() - 1;
        return new int[]{start, Math.max(end, start + 1)};
    }

    /** The visible text of pages [from, to). */
    public String text(int from, int to) {
        return String.join("\n", text.subList(from, Math.min(to, text.size())));
    }

    public Labels labelsOfModel() {
        return new Labels(report());
    }

    private static List<String> headlines(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            List<TextPosition> kept = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    kept.add(t);
                }
            };
            s.setSortByPosition(true);
            s.setStartPage(i + 1);
            s.setEndPage(i + 1);
            s.getText(doc);
            float max = 0;
            for (TextPosition t : kept) if (!t.getUnicode().isBlank()) max = Math.max(max, t.getFontSizeInPt());
            StringBuilder sb = new StringBuilder();
            for (TextPosition t : kept) if (t.getFontSizeInPt() >= max - 0.5f) sb.append(t.getUnicode());
            out.add(squeeze(sb.toString()));
        }
        return out;
    }
}
