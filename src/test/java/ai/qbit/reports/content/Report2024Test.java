package ai.qbit.reports.content;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.ChapterKind;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.ReportPdf;
import ai.qbit.reports.support.PageText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is true only of the 2024 report (量子位智库《2024年度AI十大趋势报告》): its sentences, its figure and table
 * numbers, its parts and trends, its slide count, and the coverage of its source document. Everything that holds
 * for any report is tested, for every report under seeds/, by the generic tests in ai.qbit.reports.render.
 */
class Report2024Test {
    static Rendered rendered;
    static Report report;
    static ReportPdf pdf;
    static XMLSlideShow show;

    @BeforeAll
    static void open() throws IOException {
        rendered = Rendered.of("2024");
        report = rendered.report();
        pdf = rendered.pdf();
        try (InputStream in = Files.newInputStream(rendered.file("deck.pptx"))) {
            show = new XMLSlideShow(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        show.close();
    }

    static List<Chapter> trends() {
        return report.body().stream().filter(c -> c.kind() == ChapterKind.TREND).toList();
    }

    // ---- the model ----

    @Test
    void theModelHasTenTrendsInThreePartsWithEverythingABriefNeeds() {
        assertEquals(10, trends().size());
        assertEquals(3, report.parts().size());
        assertEquals(List.of("technology", "product", "industry"), report.parts().stream().map(p -> p.id()).toList());
        assertEquals(trends(), report.briefChapters(), "briefs for the ten trends only");
        assertEquals(report.body(), report.deckChapters(), "every body chapter gets slides");
        assertEquals("team", report.credits().orElseThrow().id());
        for (Chapter c : trends()) {
            assertTrue(!c.summary().isBlank(), c.id());
            assertTrue(c.keyPoints().size() >= 3 && c.keyPoints().size() <= 5, c.id());
            assertTrue(c.keyFigures().size() >= 2 && c.keyFigures().size() <= 4, c.id());
            assertTrue(c.quote().isPresent(), c.id());
        }
    }

    @Test
    void atLeastFifteenDatasetsEachWithSourceAndProvenance() {
        assertTrue(report.datasets().size() >= 15, "datasets: " + report.datasets().size());
        for (Dataset d : report.datasets().values()) assertTrue(!d.from().isEmpty() && !d.source().isBlank(), d.id());
    }

    // ---- report.pdf ----

    @Test
    void chapterTitlesAndChineseProseAreExtractable() {
        String text = pdf.all();
        for (Chapter c : trends()) assertTrue(text.contains(c.title()), c.title());
        assertTrue(text.contains("Transformer架构是目前应用最广泛的主流大模型架构"));
        assertTrue(text.contains("仅夸克1款产品平均日活超千万，超过2600万。"));
    }

    @Test
    void frontMatterIsRomanAndTheBodyStartsAtTheTechnologyOpener() {
        assertEquals("封面", pdf.labels[0]);
        assertEquals("i", pdf.labels[1]);
        assertEquals("ii", pdf.labels[2]);
        int body = pdf.bodyStart();
        assertTrue(pdf.text.get(body).contains("TECHNOLOGY"), pdf.text.get(body));
        assertEquals("1", pdf.labels[body]);
        assertEquals("2", pdf.labels[body + 1]);
    }

    @Test
    void tocShowsTrendFiveWithItsTagline() {
        String toc = String.join("\n", pdf.text.subList(1, pdf.bodyStart()));
        assertTrue(toc.contains("目录\n"), toc);
        assertTrue(Pattern.compile("趋势五 AI应用竞争：多领域竞速运营大于技术，AI助手兵家必争\\s*\\.+\\s*\\d+").matcher(toc).find(), toc);
        assertTrue(toc.contains("PART 2 产品篇"), toc);
    }

    @Test
    void outlineHasThePartsAndTrendFiveUnderPartTwo() throws IOException {
        var outline = pdf.doc.getDocumentCatalog().getDocumentOutline();
        List<String> top = new ArrayList<>();
        for (PDOutlineItem i : outline.children()) top.add(i.getTitle());
        assertTrue(top.containsAll(List.of("封面", "序言", "目录", "PART 1 技术篇", "PART 2 产品篇", "PART 3 行业篇", "结语", "项目团队")), top.toString());
        PDOutlineItem part2 = null;
        for (PDOutlineItem i : outline.children()) if (i.getTitle().equals("PART 2 产品篇")) part2 = i;
        List<String> children = new ArrayList<>();
        for (PDOutlineItem i : part2.children()) children.add(i.getTitle());
        assertEquals("趋势五 AI应用竞争：多领域竞速运营大于技术，AI助手兵家必争", children.get(1));
    }

    @Test
    void chapterOpenersCarryPartAndTrendInTheKicker() {
        Chapter five = trends().get(4);
        assertTrue(pdf.text.get(pdf.startOf(five)).contains("PART 2 · 产品篇 · 趋势五"), pdf.text.get(pdf.startOf(five)));
    }

    @Test
    void figuresAndTablesAreNumberedPerTrend() {
        String text = pdf.all();
        Matcher m = Pattern.compile("图 (\\d+|[A-Z])-(\\d+)").matcher(text);
        Set<String> labels = new HashSet<>();
        while (m.find()) labels.add(m.group());
        assertTrue(labels.size() >= 15, "numbered figures: " + labels);
        assertTrue(text.contains("图 5-1"));
        assertTrue(text.split("来源：", -1).length - 1 >= 15, "source lines under figures");
        assertTrue(text.contains("表 5-1"), "numbered tables");
        assertTrue(text.contains("排名 产品 公司 赛道"), "rebuilt ranking table header");
    }

    @Test
    void metadataKeywords() {
        assertTrue(pdf.doc.getDocumentInformation().getKeywords().contains("大模型"));
        assertEquals("zh-CN", pdf.doc.getDocumentCatalog().getLanguage());
    }

    // ---- deck.pptx ----

    static String title(XSLFSlide s) {
        for (XSLFTextShape t : s.getPlaceholders()) {
            var ph = t.getPlaceholderDetails().getPlaceholder();
            if (ph == org.apache.poi.sl.usermodel.Placeholder.TITLE || ph == org.apache.poi.sl.usermodel.Placeholder.CENTERED_TITLE) return t.getText();
        }
        return "";
    }

    @Test
    void deckHasSeventyFourSlidesInTheExpectedSequence() {
        List<XSLFSlide> slides = show.getSlides();
        assertEquals(74, slides.size(), "title, agenda, 3 part dividers, 10 trends and 5 cases, closing");
        assertEquals(report.title(), title(slides.get(0)));
        assertEquals("目录", title(slides.get(1)));
        assertEquals("PART 1  技术篇", title(slides.get(2)));
        assertEquals("趋势一  大模型创新", title(slides.get(3)));
        var labels = new ai.qbit.reports.render.Labels(report);
        int at = 0;
        for (Chapter c : trends()) {
            int found = -1;
            for (int i = at; i < slides.size(); i++) if (title(slides.get(i)).equals(labels.chapter(c) + "  " + c.title())) { found = i; break; }
            assertTrue(found >= 0, c.id() + " title slide");
            assertEquals(c.title() + "：核心观点", title(slides.get(found + 1)));
            at = found + 1;
        }
        assertTrue(slides.stream().anyMatch(s -> title(s).equals("案例  超参数科技")), "case chapters get slides");
        assertEquals("谢谢 · 量子位智库", title(slides.get(slides.size() - 1)));
    }

    @Test
    void notesCiteTheSourceDocumentLines() {
        int withLines = 0;
        for (XSLFSlide s : show.getSlides()) {
            StringBuilder text = new StringBuilder();
            if (s.getNotes() != null) for (XSLFTextShape t : s.getNotes().getPlaceholders()) text.append(t.getText());
            if (text.toString().contains("出处：002_60ebbbbbae8729be.txt:")) withLines++;
        }
        assertTrue(withLines >= 10, "chart and key-figure notes cite their seed lines: " + withLines);
    }

    @Test
    void themeFontsHaveASimplifiedChineseFallback() {
        var fonts = show.getSlideMasters().get(0).getTheme().getXmlObject().getThemeElements().getFontScheme();
        assertEquals("Noto Sans SC", fonts.getMinorFont().getLatin().getTypeface());
        assertTrue(fonts.getMinorFont().getFontList().stream().anyMatch(f -> "Hans".equals(f.getScript())), "fallback for Simplified Chinese");
    }

    // ---- briefs ----

    @Test
    void tenTrendBriefsOnOnePageEachWithTheirReportPage() throws Exception {
        for (int i = 0; i < 10; i++) {
            Chapter c = trends().get(i);
            String stem = String.format("%02d-%s", i + 1, c.id());
            try (PDDocument b = Loader.loadPDF(rendered.file("briefs/" + stem + ".pdf").toFile())) {
                assertEquals(1, b.getNumberOfPages(), stem + " fits one page");
                String text = String.join("", PageText.pages(b, false)).replaceAll("\\s+", "");
                Matcher m = Pattern.compile("完整内容见报告第(\\S+?)页").matcher(text);
                assertTrue(m.find(), stem + " page reference");
                assertEquals(pdf.labels[pdf.startOf(c)], m.group(1), stem);
            }
        }
    }

    @Test
    void thePackAndThePartDigests() throws Exception {
        try (PDDocument pack = Loader.loadPDF(rendered.file("briefs/briefs.pdf").toFile())) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem i : pack.getDocumentCatalog().getDocumentOutline().children()) titles.add(i.getTitle());
            assertEquals(10, titles.size());
            assertTrue(titles.get(4).startsWith("趋势五 AI应用竞争"), titles.toString());
            assertEquals("2024年度AI十大趋势报告 · 趋势简报合集", pack.getDocumentInformation().getTitle(), "the report's own pack title (seeds/2024/lang)");
        }
        for (String stem : List.of("part-1-technology", "part-2-product", "part-3-industry")) {
            assertTrue(Files.exists(rendered.file("briefs/" + stem + ".pdf")), stem);
            String md = Files.readString(rendered.file("briefs/" + stem + ".md"));
            assertTrue(md.startsWith("# PART " + stem.charAt(5)), md);
            assertTrue(md.contains("大趋势一页速览"), "the report's own digest tagline");
        }
    }

    // ---- coverage of the source document ----

    static final Path SOURCE = Path.of("seeds/2024/sources/002_60ebbbbbae8729be.txt");
    /** The conversion slips the model corrects (seeds/README.md); the source sentence is compared after them. */
    static final Map<String, String> SLIPS = Map.of("肯仑万维", "昆仑万维", "Transofrmer", "Transformer", "Tranformer", "Transformer",
            "MInimax", "MiniMax", "Minimax", "MiniMax");
    static final Pattern RESIDUE = Pattern.compile("^(图[：:]|Figure \\d|!\\[|insights|量子位智库$|QBITAI|# 年度AI|#* ?ACKNOWLEDGEMENT|统计截止至)");

    static String norm(String s) {
        String t = s.replaceAll("<sup>.*?</sup>", "").replaceAll("<[^>]+>", "").replaceAll("\\$", "")
                .replace("**", "").replace("\\_", "_").replace("\\*", "*");
        for (var e : SLIPS.entrySet()) t = t.replace(e.getKey(), e.getValue());
        // compare the words, not the typography: whitespace, punctuation and heading numbers are the layout's business
        t = t.replaceAll("^[#>\\-•·*■●\\s]+", "")
                .replaceAll("^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[)）]|\\d+\\.|[①②③④⑤⑥⑦⑧⑨])", "");
        return t.replaceAll("[\\s\\u3000\\p{P}\\p{S}]+", "");
    }

    static List<String> sentences() throws Exception {
        List<String> out = new ArrayList<>();
        boolean rankingTable = false;
        for (String line : Files.readAllLines(SOURCE)) {
            String l = line.strip();
            if (l.contains("榜单")) rankingTable = true;           // the damaged tables follow their title
            if (!l.startsWith("|") && !l.isEmpty() && !l.contains("榜单")) rankingTable = false;
            if (l.startsWith("|") && rankingTable) continue;
            if (l.contains(".....")) continue;                        // the source's own table of contents
            if (l.isEmpty() || RESIDUE.matcher(l).find() || l.matches("^\\|[-| ]+\\|$")) continue;
            String body = l.startsWith("|") ? l.replace("|", "。") : l;   // table cells are compared cell by cell
            for (String s : body.split("[。！？；\\n]")) {
                String n = norm(s);
                if (n.length() >= 15) out.add(n);
            }
        }
        return out;
    }

    /**
     * The PDF is the whole report: at least 95% of the sentences of the source (15+ characters, outside the damaged
     * ranking tables and the residue of lost pictures) appear in the text a reader can extract from report.pdf.
     */
    @Test
    void atLeast95PercentOfTheSourceSentencesAreInThePdf() throws Exception {
        String text = norm(String.join("", pdf.text)) + "\n" + norm(String.join("", PageText.pages(pdf.doc, false)));
        List<String> all = sentences();
        List<String> missing = new ArrayList<>();
        for (String s : all) if (!text.contains(s)) missing.add(s);
        double coverage = 1 - (double) missing.size() / all.size();
        assertTrue(coverage >= 0.95, String.format("coverage %.1f%% of %d sentences; missing:%n  %s", coverage * 100, all.size(),
                String.join("\n  ", missing)));
        System.out.printf("coverage: %.1f%% of %d sentences; not found verbatim:%n  %s%n", coverage * 100, all.size(), String.join("\n  ", missing));
    }
}
