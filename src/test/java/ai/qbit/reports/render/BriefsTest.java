package ai.qbit.reports.render;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.ReportPdf;
import ai.qbit.reports.support.PageText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static ai.qbit.reports.support.ReportPdf.squeeze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads every report's briefs back: PDF text, page count, page references into the report, the Markdown twins, the pack. */
class BriefsTest {
    static final String IDS = ReportPdfTest.IDS;

    /** "05-app-competition": the brief's position among the report's brief chapters, then the chapter id. */
    static String stem(Report r, Chapter c) {
        return String.format(Locale.ROOT, "%02d-%s", r.briefChapters().indexOf(c) + 1, c.id());
    }

    static void all(ReportPdf pdf) throws Exception {
        briefPdfs(pdf);
        markdownTwins(pdf);
        pack(pdf);
        partDigests(pdf);
    }

    /** A brief's whole text, whitespace removed: two columns read in stream order, the page in position order. */
    static String briefText(Report r, PDDocument b) throws Exception {
        double bottom = r.theme().page().briefMargin().bottom();
        return squeeze(String.join("\n", PageText.pages(b, false)) + String.join("\n", PageText.pages(b, true)));
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void oneBriefPerBriefChapterOfAtMostTwoPagesWithEverythingItPromises(String id) throws Exception {
        briefPdfs(Rendered.of(id).pdf());
    }

    /**
     * The one-page fit shrinks a brief's chart only as far as it must: a chart drawn smaller than its own height sits
     * on a page whose text reaches down to the foot of the text area (a step that overshot gives the room back).
     */
    @ParameterizedTest
    @MethodSource(IDS)
    void aChartShrunkToFitLeavesNoEmptyFootOnItsBrief(String id) throws Exception {
        ReportPdf pdf = Rendered.of(id).pdf();
        Report r = pdf.report();
        ai.qbit.reports.chart.ChartFactory charts = new ai.qbit.reports.chart.ChartFactory(r.theme(), r.lang());
        for (Chapter c : r.briefChapters()) {
            if (c.figureIds().isEmpty()) continue;
            try (PDDocument b = Loader.loadPDF(pdf.rendered.file("briefs/" + stem(r, c) + ".pdf").toFile())) {
                if (b.getNumberOfPages() != 1) continue; // at its smallest and still two pages: nothing to give back
                org.apache.pdfbox.pdmodel.PDPage page = b.getPage(0);
                float drawn = 0;
                for (org.apache.pdfbox.cos.COSName n : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(n) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject f) {
                        drawn = Math.max(drawn, f.getBBox().getHeight());
                    }
                }
                float own = Math.min(ai.qbit.reports.render.brief.BriefWriter.CHART_MAX_HEIGHT_PT,
                        Math.round(charts.preferredHeight(r.dataset(c.figureIds().get(0)), r.theme().page().briefTextWidthPt())));
                if (drawn >= own - 1) continue;
                float textBottom = page.getMediaBox().getHeight() - (float) r.theme().page().briefMargin().bottom();
                float[] lowest = {0};
                org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                        for (org.apache.pdfbox.text.TextPosition p : positions) {
                            if (p.getYDirAdj() <= textBottom) lowest[0] = Math.max(lowest[0], p.getYDirAdj()); // the footer lies below
                        }
                    }
                };
                s.getText(b);
                assertTrue(textBottom - lowest[0] < 40, stem(r, c) + ": its chart is drawn " + drawn + " pt high of its " + own
                        + ", yet the text ends " + (textBottom - lowest[0]) + " pt above the foot of the page");
            }
        }
    }

    static void briefPdfs(ReportPdf pdf) throws Exception {
        Report r = pdf.report();
        Labels l = new Labels(r);
        assertFalse(r.briefChapters().isEmpty(), "the report gives briefs to some chapters");
        List<String> expected = new ArrayList<>();
        for (Chapter c : r.briefChapters()) {
            String stem = stem(r, c);
            expected.add(stem + ".pdf");
            expected.add(stem + ".md");
            try (PDDocument b = Loader.loadPDF(pdf.rendered.file("briefs/" + stem + ".pdf").toFile())) {
                int pages = b.getNumberOfPages();
                assertTrue(pages >= 1 && pages <= 2, stem + " has " + pages + " pages");
                String text = briefText(r, b);
                assertTrue(text.contains(squeeze(c.title())), stem + " title");
                for (String k : c.keyPoints()) assertTrue(text.contains(squeeze(k)), stem + " key point: " + k);
                for (KeyFigure k : c.keyFigures()) {
                    assertTrue(text.contains(squeeze(k.value())), stem + " key figure " + k.value());
                    assertTrue(text.contains(squeeze(k.label())), stem + " key figure label " + k.label());
                }
                String page = pdf.label(pdf.startOf(c));
                assertTrue(text.contains(squeeze(l.msg("brief.more", page))), stem + ": page reference \"" + l.msg("brief.more", page)
                        + "\" = where the chapter starts in report.pdf");
                assertEquals(r.language(), b.getDocumentCatalog().getLanguage());
                assertEquals(l.msg("brief.document.title", l.heading(c)), b.getDocumentInformation().getTitle());
            }
        }
        List<String> files;
        try (var s = Files.list(pdf.rendered.file("briefs"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("part-") && !n.equals("briefs.pdf")).sorted().toList();
        }
        assertEquals(expected.stream().sorted().toList(), files, "brief files: one PDF and one Markdown twin per brief chapter");
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void markdownTwinsAreCommonMarkWithTheSameContentAndPageReference(String id) throws Exception {
        markdownTwins(Rendered.of(id).pdf());
    }

    static void markdownTwins(ReportPdf pdf) throws Exception {
        Report r = pdf.report();
        Labels l = new Labels(r);
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        for (Chapter c : r.briefChapters()) {
            String stem = stem(r, c);
            String md = Files.readString(pdf.rendered.file("briefs/" + stem + ".md"));
            Node doc = parser.parse(md);
            List<Class<?>> kinds = new ArrayList<>();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) kinds.add(n.getClass());
            assertEquals(Heading.class, kinds.get(0), stem + " starts with its title");
            if (!c.keyPoints().isEmpty()) assertTrue(kinds.contains(OrderedList.class), stem + " key points as a list");
            if (!c.keyFigures().isEmpty() || !c.figureIds().isEmpty()) assertTrue(kinds.contains(TableBlock.class), stem + " key figures / chart data as a table");
            String plain = TextContentRenderer.builder().extensions(List.of(TablesExtension.create())).build().render(doc);
            assertTrue(plain.contains(c.title()), stem + " title in Markdown");
            for (String k : c.keyPoints()) assertTrue(plain.contains(k), stem + " key point in Markdown: " + k);
            for (KeyFigure k : c.keyFigures()) assertTrue(plain.contains(k.value()), stem + " key figure in Markdown: " + k.value());
            c.quote().ifPresent(q -> assertTrue(plain.contains(q.by()), stem + " quote attribution"));
            String page = pdf.label(pdf.startOf(c));
            String footer = l.msg("brief.md.footer", page, r.publisher(), r.title(), l.date());
            assertTrue(plain.contains(footer), stem + ": footer with the report page \"" + footer + "\" in:\n" + plain);
            for (String leak : List.of("[(", ")]", "th:", "[#", "[/]")) assertFalse(md.contains(leak), stem + ": template syntax leaked: " + leak);
            // what the model did not write as markup is not markup: no stray emphasis markers survive parsing
            // (TextContentRenderer writes a thematic break as "***": only a lone pair of asterisks is a leak)
            if (!modelHas(pdf.rendered, "**")) assertFalse(Pattern.compile("(?<!\\*)\\*\\*(?!\\*)").matcher(plain).find(), stem + ": unparsed ** in " + plain);
        }
    }

    static boolean modelHas(Rendered r, String s) throws Exception {
        return Files.readString(r.model().resolve("report.yaml")).contains(s);
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void briefsPdfHasOneBookmarkPerBriefAtItsFirstPage(String id) throws Exception {
        pack(Rendered.of(id).pdf());
    }

    static void pack(ReportPdf pdf) throws Exception {
        Report r = pdf.report();
        Labels l = new Labels(r);
        Path file = pdf.rendered.file("briefs/briefs.pdf");
        assertTrue(Files.size(file) > 1000, "briefs.pdf is not empty");
        try (PDDocument pack = Loader.loadPDF(file.toFile())) {
            List<PDOutlineItem> items = ReportPdfTest.items(pack.getDocumentCatalog().getDocumentOutline());
            assertEquals(r.briefChapters().stream().map(l::heading).toList(), items.stream().map(PDOutlineItem::getTitle).toList());
            int page = 0;
            for (int i = 0; i < items.size(); i++) {
                Chapter c = r.briefChapters().get(i);
                assertEquals(page, ReportPdfTest.pageOf(pack, items.get(i)), "bookmark of " + c.id());
                try (PDDocument one = Loader.loadPDF(pdf.rendered.file("briefs/" + stem(r, c) + ".pdf").toFile())) {
                    page += one.getNumberOfPages();
                }
            }
            assertEquals(page, pack.getNumberOfPages(), "the pack holds every brief's pages");
            assertEquals(r.language(), pack.getDocumentCatalog().getLanguage());
        }
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void eachVisiblePartHasAOnePageDigestOfItsBriefChapters(String id) throws Exception {
        partDigests(Rendered.of(id).pdf());
    }

    static void partDigests(ReportPdf pdf) throws Exception {
        Report r = pdf.report();
        Labels l = new Labels(r);
        List<String> expected = new ArrayList<>();
        for (Part part : r.visibleParts()) {
            List<Chapter> chapters = part.chapters().stream().filter(r.briefChapters()::contains).toList();
            if (chapters.isEmpty()) continue;
            String stem = "part-" + part.number() + "-" + part.id();
            expected.add(stem + ".pdf");
            expected.add(stem + ".md");
            try (PDDocument d = Loader.loadPDF(pdf.rendered.file("briefs/" + stem + ".pdf").toFile())) {
                assertEquals(1, d.getNumberOfPages(), stem);
                String text = squeeze(String.join("", PageText.pages(d, false)));
                for (Chapter c : chapters) {
                    assertTrue(text.contains(squeeze(l.tocLabel(c) + c.title())), stem + ": " + l.heading(c));
                    if (!c.keyFigures().isEmpty()) assertTrue(text.contains(squeeze(c.keyFigures().get(0).value())), stem + ": " + c.keyFigures().get(0).value());
                    String more = l.msg("brief.digest.more", pdf.label(pdf.startOf(c)));
                    assertTrue(text.contains(squeeze(more)), stem + ": \"" + more + "\"");
                }
            }
            String md = Files.readString(pdf.rendered.file("briefs/" + stem + ".md"));
            assertTrue(md.startsWith("# " + l.msg("running.label.and.title", l.part(part), part.title())), stem + ".md: " + md.lines().findFirst().orElse(""));
        }
        List<String> files;
        try (var s = Files.list(pdf.rendered.file("briefs"))) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("part-")).sorted().toList();
        }
        assertEquals(expected.stream().sorted().toList(), files, "part digests: one per visible part with brief chapters");
    }
}
