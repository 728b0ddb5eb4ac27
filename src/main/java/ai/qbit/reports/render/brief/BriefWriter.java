package ai.qbit.reports.render.brief;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Labels;
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
 * One brief per chapter the report gives briefs to (every body chapter unless `outputs.briefs` narrows it): a PDF (its own Thymeleaf layout, the same Flying Saucer path and charts as the
 * report) and a Markdown twin from a TEXT template; then all briefs in one PDF with a bookmark each.
 */
public final class BriefWriter {
    public static final int CHART_MAX_HEIGHT_PT = 210;
    /** Below this a chart is no longer legible; a brief that needs less spills onto a second page instead. */
    static final int CHART_MIN_HEIGHT_PT = 105;

    private final Templates templates;

    public BriefWriter(Templates templates) {
        this.templates = templates;
    }

    /** File name stem → contents, in trend order; plus the pack. */
    public record Rendered(Map<String, byte[]> pdfs, Map<String, String> markdown, Map<String, Integer> pages, byte[] pack) {
    }

    /**
     * One-page digests per part: each trend of the part as a row (title, tagline, three takeaways, two key figures,
     * where it is in the report). File stem → PDF and Markdown, plus page counts.
     */
    public record Digests(Map<String, byte[]> pdfs, Map<String, String> markdown, Map<String, Integer> pages) {
    }

    public Digests partDigests(Report report, Map<String, String> reportPages) throws Exception {
        ChartFactory charts = new ChartFactory(report.theme(), report.lang());
        View view = new View(report, charts);
        HtmlToPdf html = new HtmlToPdf(report, charts);
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        Map<String, String> mds = new LinkedHashMap<>();
        Map<String, Integer> pages = new LinkedHashMap<>();
        Labels labels = view.labels();
        for (Part part : report.visibleParts()) {
            List<Chapter> trends = part.chapters().stream().filter(report.briefChapters()::contains).toList();
            if (trends.isEmpty()) continue;
            Map<String, Object> vars = vars(report, part, view, new MarkdownText());
            vars.put("trends", trends);
            vars.put("pages", reportPages);
            vars.put("css", templates.css("brief/brief", vars));
            String stem = "part-" + part.number() + "-" + part.id();
            HtmlToPdf.Result laid = html.render(templates.xhtml("brief/part", vars), Pattern.compile("brief-top"));
            pdfs.put(stem, new PdfFinisher().finish(laid.pdf(), report,
                    new PdfFinisher.Finish(labels.msg("brief.digest.title", labels.part(part), part.title()), report.title(), List.of(), -1, false),
                    laid.positions(), laid.tags()));
            mds.put(stem, templates.markdown("brief/part", vars));
            pages.put(stem, laid.pages());
        }
        return new Digests(pdfs, mds, pages);
    }

    /** @param reportPages the printed page label where each chapter starts in the rendered report */
    public Rendered write(Report report, Map<String, String> reportPages) throws Exception {
        return write(report, reportPages, Runnable::run);
    }

    /** As {@link #write(Report, Map)}, the briefs laid out on {@code executor} (they are independent of each other). */
    public Rendered write(Report report, Map<String, String> reportPages, java.util.concurrent.Executor executor) throws Exception {
        ChartFactory charts = new ChartFactory(report.theme(), report.lang());
        View view = new View(report, charts);
        MarkdownText md = new MarkdownText();
        List<java.util.concurrent.CompletableFuture<One>> jobs = new ArrayList<>();
        List<Chapter> chapters = report.briefChapters();
        for (Chapter c : chapters) {
            String stem = stem(chapters, c);
            jobs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return one(report, c, stem, reportPages, view, md, new HtmlToPdf(report, charts));
                } catch (Exception e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            }, executor));
        }
        Map<String, byte[]> pdfs = new LinkedHashMap<>();
        Map<String, String> mds = new LinkedHashMap<>();
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (var job : jobs) {
            One o;
            try {
                o = job.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
            pdfs.put(o.stem(), o.pdf());
            mds.put(o.stem(), o.markdown());
            pages.put(o.stem(), o.pages());
        }
        return new Rendered(pdfs, mds, pages, chapters.isEmpty() ? null : pack(report, chapters, pdfs));
    }

    /** "05-app-competition": the brief's position among the briefs, then the chapter id. */
    private static String stem(List<Chapter> chapters, Chapter c) {
        return String.format(java.util.Locale.ROOT, "%02d-%s", chapters.indexOf(c) + 1, c.id());
    }

    /** What every brief template reads: the report, its part, the view helpers, the theme and Markdown escaping. */
    private static Map<String, Object> vars(Report report, Part part, View view, MarkdownText md) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("report", report);
        vars.put("part", part);
        vars.put("v", view);
        vars.put("l", view.labels());
        vars.put("t", report.theme());
        vars.put("md", md);
        return vars;
    }

    private record One(String stem, byte[] pdf, String markdown, int pages) {
    }

    private One one(Report report, Chapter c, String stem, Map<String, String> reportPages, View view, MarkdownText md, HtmlToPdf html) throws Exception {
        Part part = report.partOf(c).orElseThrow();
        Dataset chart = c.figureIds().isEmpty() ? null : report.dataset(c.figureIds().get(0));
        Map<String, Object> vars = vars(report, part, view, md);
        vars.put("c", c);
        vars.put("chart", chart);
        vars.put("chartNumber", chart == null ? "" : view.figureNumberOf(c, chart.id()));
        vars.put("chartWidth", report.theme().page().briefTextWidthPt());
        vars.put("page", reportPages.getOrDefault(c.id(), "?"));
        vars.put("css", templates.css("brief/brief", vars));
        int natural = chart == null ? 0 : Math.min(CHART_MAX_HEIGHT_PT, view.chartHeight(chart.id(), report.theme().page().briefTextWidthPt()));
        int height = natural;
        vars.put("chartHeight", height);
        HtmlToPdf.Result laid = layout(html, vars);
        // one page is the goal: shrink the chart by what spilled onto page two, then in steps, while it stays legible
        while (laid.pages() > 1 && chart != null) {
            HtmlToPdf.Position end = laid.positions().get("brief-end");
            float spilled = end != null && end.page() == 1 ? report.theme().page().briefBelowTopMarginPt() - end.bottom() : 40;
            int smaller = Math.min(height - 25, Math.round(height - spilled - 12));
            if (smaller < CHART_MIN_HEIGHT_PT) {
                if (height == CHART_MIN_HEIGHT_PT) break;
                smaller = CHART_MIN_HEIGHT_PT;
            }
            height = smaller;
            vars.put("chartHeight", height);
            laid = layout(html, vars);
        }
        // a step can overshoot (a block kept whole moves to page two as a piece, leaving a gap on page one): the chart
        // takes back the room left at the foot of the page, less a line's spacing; if that spills, half of it
        HtmlToPdf.Position end = laid.positions().get("brief-end");
        if (chart != null && height < natural && laid.pages() == 1 && end != null && end.page() == 0) {
            float room = end.bottom() - (float) report.theme().page().briefMargin().bottom() - 12;
            for (float share : new float[]{1f, 0.5f}) {
                int grown = Math.min(natural, Math.round(height + room * share));
                if (grown < height + 8) break;
                vars.put("chartHeight", grown);
                HtmlToPdf.Result again = layout(html, vars);
                if (again.pages() == 1) {
                    laid = again;
                    height = grown;
                    break;
                }
            }
            vars.put("chartHeight", height);
        }
        byte[] pdf = new PdfFinisher().finish(laid.pdf(), report,
                new PdfFinisher.Finish(view.labels().msg("brief.document.title", view.labels().heading(c)), report.title(), List.of(), -1, false), laid.positions(), laid.tags());
        return new One(stem, pdf, templates.markdown("brief/brief", vars), laid.pages());
    }

    /** The brief laid out from {@code vars} as they are now, with the positions of its top and its last line. */
    private HtmlToPdf.Result layout(HtmlToPdf html, Map<String, Object> vars) throws Exception {
        return html.render(templates.xhtml("brief/brief", vars), BRIEF_ENDS);
    }

    private static final Pattern BRIEF_ENDS = Pattern.compile("brief-top|brief-end");

    /** All briefs in one file, one bookmark per brief pointing at its first page. */
    private static byte[] pack(Report report, List<Chapter> chapters, Map<String, byte[]> pdfs) throws Exception {
        Labels labels = new Labels(report);
        try (PDDocument pack = new PDDocument()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            List<String> titles = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            for (Chapter c : chapters) {
                try (PDDocument one = Loader.loadPDF(pdfs.get(stem(chapters, c)))) {
                    starts.add(pack.getNumberOfPages());
                    titles.add(labels.heading(c));
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
                    new PdfFinisher.Finish(labels.msg("brief.pack.title", report.title()), report.subtitle(), List.<OutlineEntry>of(), -1, false),
                    Map.of(), null);
        }
    }
}
