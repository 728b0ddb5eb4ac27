package ai.qbit.reports.render.brief;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Templates;
import ai.qbit.reports.render.View;
import ai.qbit.reports.render.pdf.HtmlToPdf;
import ai.qbit.reports.render.pdf.OutlineEntry;
import ai.qbit.reports.render.pdf.PdfFinisher;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One brief per trend: an A4 PDF (its own Thymeleaf layout, the same Flying Saucer path and charts as the
 * report) and a Markdown twin from a TEXT template; then all briefs in one PDF with a bookmark each.
 */
public final class BriefWriter {
    static final int CHART_WIDTH_PT = 493;
    /** Chart heights tried in turn until the brief fits on one page (two pages only if even the smallest does not). */
    static final int[] CHART_HEIGHTS_PT = {210, 170, 135, 110};

    private final Templates templates;

    public BriefWriter(Templates templates) {
        this.templates = templates;
    }

    /** File name stem → contents, in trend order; plus the pack. */
    public record Rendered(Map<String, byte[]> pdfs, Map<String, String> markdown, Map<String, Integer> pages, byte[] pack) {
    }

    /** @param reportPages the printed page label where each chapter starts in the rendered report */
    public Rendered write(Report report, Map<String, String> reportPages) throws Exception {
        ChartFactory charts = new ChartFactory(report.theme());
        View view = new View(report, charts);
        HtmlToPdf html = new HtmlToPdf(report, charts);
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        Map<String, String> mds = new LinkedHashMap<>();
        Map<String, Integer> pages = new LinkedHashMap<>();
        MarkdownText md = new MarkdownText();
        for (Chapter c : report.trends()) {
            Part part = report.partOf(c).orElseThrow();
            Dataset chart = c.figureIds().isEmpty() ? null : report.dataset(c.figureIds().get(0));
            Map<String, Object> vars = new HashMap<>();
            vars.put("report", report);
            vars.put("c", c);
            vars.put("part", part);
            vars.put("v", view);
            vars.put("t", report.theme());
            vars.put("md", md);
            vars.put("chart", chart);
            vars.put("chartWidth", CHART_WIDTH_PT);
            vars.put("page", reportPages.getOrDefault(c.id(), "?"));
            vars.put("css", templates.css("brief/brief", vars));
            String stem = String.format("%02d-%s", c.number(), c.id());
            HtmlToPdf.Result laid = null;
            for (int max : CHART_HEIGHTS_PT) {
                vars.put("chartHeight", chart == null ? 0 : Math.min(max, view.chartHeight(chart.id(), CHART_WIDTH_PT)));
                laid = html.render(templates.xhtml("brief/brief", vars), Pattern.compile("brief-top"));
                if (laid.pages() == 1 || chart == null) break;
            }
            String title = c.numberLabel() + " " + c.fullTitle();
            byte[] pdf = new PdfFinisher().finish(laid.pdf(), report,
                    new PdfFinisher.Finish(title + " · 简报", report.title(), List.of(), -1, false), laid.positions());
            pdfs.put(stem, pdf);
            pages.put(stem, laid.pages());
            mds.put(stem, templates.markdown("brief/brief", vars));
        }
        return new Rendered(pdfs, mds, pages, pack(report, pdfs));
    }

    /** All briefs in one file, one bookmark per brief pointing at its first page. */
    private static byte[] pack(Report report, Map<String, byte[]> pdfs) throws Exception {
        try (PDDocument pack = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            List<String> titles = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            for (Chapter c : report.trends()) {
                String stem = String.format("%02d-%s", c.number(), c.id());
                try (PDDocument one = Loader.loadPDF(pdfs.get(stem))) {
                    starts.add(pack.getNumberOfPages());
                    titles.add(c.numberLabel() + " " + c.fullTitle());
                    merger.appendDocument(pack, one);
                }
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            pack.getDocumentCatalog().setDocumentOutline(outline);
            for (int i = 0; i < titles.size(); i++) {
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(titles.get(i));
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(pack.getPage(starts.get(i)));
                item.setDestination(dest);
                outline.addLast(item);
            }
            outline.openNode();
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            pack.save(raw);
            byte[] bytes = raw.toByteArray();
            // metadata, language and a stable id, as for every PDF the toolkit writes
            return new PdfFinisher().finish(bytes, report,
                    new PdfFinisher.Finish(report.title() + " · 趋势简报合集", report.subtitle(), List.<OutlineEntry>of(), -1, false),
                    Map.of());
        }
    }
}
