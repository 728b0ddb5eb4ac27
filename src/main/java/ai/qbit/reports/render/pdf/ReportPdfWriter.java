package ai.qbit.reports.render.pdf;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Labels;
import ai.qbit.reports.render.Templates;
import ai.qbit.reports.render.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The report writer: model → Thymeleaf XHTML → Flying Saucer PDF → PDFBox outline, labels and metadata. */
public final class ReportPdfWriter {
    private final Templates templates;

    public ReportPdfWriter(Templates templates) {
        this.templates = templates;
    }

    /** The finished PDF and the printed page number (label) where each chapter and part starts. */
    public record Rendered(byte[] pdf, int pages, Map<String, String> pageLabels) {
    }

    public Rendered write(Report report) throws Exception {
        return write(report, labels -> {
        });
    }

    /**
     * As {@link #write(Report)}; {@code laidOut} gets the page labels as soon as the layout is done, before the
     * finishing pass (structure tree, artifacts, outline), so that work needing only the page numbers can start.
     */
    public Rendered write(Report report, java.util.function.Consumer<Map<String, String>> laidOut) throws Exception {
        ChartFactory charts = new ChartFactory(report.theme(), report.lang());
        String xhtml = xhtml(report, charts);
        if (Boolean.getBoolean("debug.xhtml")) java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/report.xhtml"), xhtml);
        HtmlToPdf.Result laid = new HtmlToPdf(report, charts).render(xhtml, Pattern.compile(".+"));
        // the body's first page: the first part opener, or the first chapter when the report has no parts
        String firstBody = report.parts().get(0).implicit() ? report.body().get(0).id() : report.parts().get(0).id();
        int bodyStart = laid.positions().containsKey(firstBody) ? laid.positions().get(firstBody).page() : 0;
        Map<String, String> labels = new HashMap<>();
        laid.positions().forEach((id, pos) -> labels.put(id, pos.page() >= bodyStart
                ? Integer.toString(pos.page() - bodyStart + 1) : pos.page() == 0 ? report.lang().msg("outline.cover") : Roman.lower(pos.page())));
        laidOut.accept(Map.copyOf(labels));
        PdfFinisher.Finish finish = new PdfFinisher.Finish(report.title(), report.subtitle(), outline(report), bodyStart, true);
        byte[] pdf = new PdfFinisher().finish(laid.pdf(), report, finish, laid.positions(), laid.tags());
        return new Rendered(pdf, laid.pages(), labels);
    }

    /** The report as the XHTML Flying Saucer lays out (charts are &lt;object&gt; elements drawn by {@code charts}). */
    public String xhtml(Report report, ChartFactory charts) {
        View view = new View(report, charts);
        Map<String, Object> vars = new HashMap<>();
        vars.put("report", report);
        vars.put("v", view);
        vars.put("l", view.labels());
        vars.put("t", report.theme());
        vars.put("chartWidth", report.theme().page().textWidthPt()); // charts are drawn exactly the text width
        vars.put("css", templates.css("pdf/report", vars));
        return templates.xhtml("pdf/report", vars);
    }

    /** The bookmarks mirror the table of contents: front matter, parts → chapters → first-level sections, back. */
    static List<OutlineEntry> outline(Report report) {
        Labels labels = new Labels(report);
        List<OutlineEntry> out = new ArrayList<>();
        out.add(new OutlineEntry(report.lang().msg("outline.cover"), "cover", List.of()));
        for (Chapter c : report.front()) out.add(chapter(labels, c));
        out.add(new OutlineEntry(report.lang().msg("toc.title"), "toc", List.of()));
        for (Part p : report.parts()) {
            List<OutlineEntry> chapters = new ArrayList<>();
            for (Chapter c : p.chapters()) chapters.add(chapter(labels, c));
            if (p.implicit()) out.addAll(chapters);
            else out.add(new OutlineEntry(labels.part(p) + " " + p.title(), p.id(), chapters));
        }
        for (Chapter c : report.back()) out.add(chapter(labels, c));
        return out;
    }

    /** A chapter's bookmark with its first-level sections under it. */
    private static OutlineEntry chapter(Labels labels, Chapter c) {
        List<OutlineEntry> sections = new ArrayList<>();
        for (Block.Heading h : c.topHeadings()) sections.add(new OutlineEntry(h.plainText(), h.anchor(), List.of()));
        return new OutlineEntry(labels.heading(c), c.id(), sections);
    }
}
