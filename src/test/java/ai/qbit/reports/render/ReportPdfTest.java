package ai.qbit.reports.render;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.Rendered2024;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads report.pdf back with PDFBox: what a reader gets. */
class ReportPdfTest {
    static PDDocument doc;
    static Report report;
    static List<String> pageText = new ArrayList<>();
    static String[] labels;

    @BeforeAll
    static void open() throws IOException {
        report = Rendered2024.report();
        doc = Loader.loadPDF(Rendered2024.file("report.pdf").toFile());
        pageText.addAll(ai.qbit.reports.support.VisibleText.pages(doc, 22)); // report.css: 22 mm bottom margin
        PDPageLabels pl = doc.getDocumentCatalog().getPageLabels();
        labels = pl == null ? new String[0] : pl.getLabelsByPageIndices();
    }

    @AfterAll
    static void close() throws IOException {
        doc.close();
    }

    static String all() {
        return String.join("\n", pageText);
    }

    /** Index of the first page whose text contains {@code needle} after page {@code from}. */
    static int pageOf(String needle, int from) {
        for (int i = from; i < pageText.size(); i++) if (pageText.get(i).contains(needle)) return i;
        return -1;
    }

    @Test
    void chapterTitlesAndChineseProseAreExtractable() {
        String text = all();
        for (Chapter c : report.trends()) assertTrue(text.contains(c.title()), c.title());
        assertTrue(text.contains("Transformer架构是目前应用最广泛的主流大模型架构"));
        assertTrue(text.contains("仅夸克1款产品平均日活超千万，超过2600万。"));
    }

    @Test
    void everyFontIsEmbeddedAndSubset() throws IOException {
        Set<String> fonts = new HashSet<>();
        for (PDPage p : doc.getPages()) collectFonts(p.getResources(), fonts, 0);
        assertFalse(fonts.isEmpty());
        for (String f : fonts) assertTrue(f.matches("[A-Z]{6}\\+.*"), "not a subset: " + f);
        assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSansSC-Regular")), fonts.toString());
        assertTrue(fonts.stream().anyMatch(f -> f.contains("NotoSansSC-Bold")), fonts.toString());
    }

    private static void collectFonts(PDResources res, Set<String> names, int depth) throws IOException {
        if (res == null || depth > 4) return;
        for (COSName n : res.getFontNames()) {
            PDFont f = res.getFont(n);
            assertTrue(f.isEmbedded(), "font not embedded: " + f.getName());
            names.add(f.getName());
        }
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDFormXObject form) collectFonts(form.getResources(), names, depth + 1);
        }
    }

    @Test
    void noCharacterLacksAGlyphInTheBundledFont() {
        java.awt.Font regular = new ai.qbit.reports.chart.ThemeFonts(report.theme()).regular(10);
        java.util.Set<String> missing = new java.util.TreeSet<>();
        all().codePoints().filter(cp -> !Character.isWhitespace(cp) && !regular.canDisplay(cp))
                .forEach(cp -> missing.add(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp)));
        assertTrue(missing.isEmpty(), "characters Noto Sans SC cannot draw: " + missing);
    }

    @Test
    void chartsAreVectorsNotPictures() throws IOException {
        int forms = 0, images = 0;
        for (PDPage p : doc.getPages()) {
            PDResources r = p.getResources();
            for (COSName n : r.getXObjectNames()) {
                PDXObject x = r.getXObject(n);
                if (x instanceof PDFormXObject) forms++;
                else images++;
            }
        }
        assertEquals(0, images, "no bitmap images");
        assertTrue(forms >= 15, "charts drawn as form XObjects: " + forms);
    }

    @Test
    void pageLabelsAreRomanForFrontMatterThenArabicFromOne() {
        assertEquals(doc.getNumberOfPages(), labels.length);
        int body = pageOf("TECHNOLOGY", 4);
        assertTrue(body > 2, "body start");
        assertEquals("i", labels[1]);
        assertEquals("ii", labels[2]);
        assertEquals("1", labels[body]);
        assertEquals("2", labels[body + 1]);
    }

    /** TOC lines: "趋势五 AI应用竞争：… ......... 35" → the printed number must be the label of the page where it starts. */
    @Test
    void tocNumbersAreThePagesWhereChaptersStart() {
        int toc = pageOf("目录\n", 1);
        String tocText = pageText.get(toc) + pageText.get(toc + 1);
        int checked = 0;
        for (Part p : report.parts()) {
            for (Chapter c : p.chapters()) {
                if (!c.isTrend()) continue;
                Matcher m = Pattern.compile(Pattern.quote(c.numberLabel()) + "\\s*" + Pattern.quote(c.title()) + "[^\\n]*?\\.+\\s*(\\d+)").matcher(tocText);
                assertTrue(m.find(), "TOC entry for " + c.numberLabel() + " in:\n" + tocText);
                int start = pageOf("PART " + p.number() + " · " + p.title() + " · " + c.numberLabel(), toc + 1);
                assertTrue(start > 0, "chapter opener of " + c.numberLabel());
                assertEquals(labels[start], m.group(1), c.numberLabel() + " TOC number vs. label of page index " + start + ": " + pageText.get(start).substring(0, Math.min(120, pageText.get(start).length())));
                checked++;
            }
        }
        assertEquals(report.trends().size(), checked);
    }

    @Test
    void outlineMirrorsTheTocAndOpensByDefault() throws IOException {
        var outline = doc.getDocumentCatalog().getDocumentOutline();
        assertNotNull(outline);
        assertTrue(outline.isNodeOpen());
        List<String> top = titles(outline);
        for (Part p : report.parts()) assertTrue(top.contains("PART " + p.number() + " " + p.title()), top.toString());
        assertTrue(top.contains("目录"));
        PDOutlineItem part2 = find(outline, "PART 2 产品篇");
        List<String> trends = titles(part2);
        assertEquals("趋势五 AI应用竞争：多领域竞速运营大于技术，AI助手兵家必争", trends.get(1));
        // every bookmark points at the page where its chapter's opener is
        for (PDOutlineItem item : part2.children()) {
            PDPageDestination d = (PDPageDestination) item.getDestination();
            int page = doc.getPages().indexOf(d.getPage());
            String number = item.getTitle().split(" ")[0];
            String kicker = number.startsWith("趋势") ? "PART 2 · 产品篇 · " + number : item.getTitle().replace("案例：", "");
            assertTrue(pageText.get(page).contains(kicker), item.getTitle() + " → page index " + page);
        }
        assertEquals("UseOutlines", doc.getDocumentCatalog().getPageMode().stringValue());
    }

    private static List<String> titles(PDOutlineNode node) {
        List<String> out = new ArrayList<>();
        for (PDOutlineItem i : node.children()) out.add(i.getTitle());
        return out;
    }

    private static PDOutlineItem find(PDOutlineNode node, String title) {
        for (PDOutlineItem i : node.children()) if (i.getTitle().equals(title)) return i;
        throw new AssertionError("no bookmark " + title);
    }

    @Test
    void everyInternalLinkResolves() throws IOException {
        int links = 0;
        for (PDPage p : doc.getPages()) {
            for (PDAnnotation a : p.getAnnotations()) {
                if (!(a instanceof PDAnnotationLink link)) continue;
                var dest = link.getDestination();
                if (dest == null && link.getAction() instanceof PDActionGoTo g) dest = g.getDestination();
                if (dest == null) continue; // an external URI
                if (dest instanceof PDNamedDestination named) {
                    dest = doc.getDocumentCatalog().findNamedDestinationPage(named);
                }
                assertTrue(dest instanceof PDPageDestination pd && pd.retrievePageNumber() >= 0, "dangling link on page " + doc.getPages().indexOf(p));
                links++;
            }
        }
        assertTrue(links > 40, "TOC entries are links: " + links);
    }

    @Test
    void metadataComesFromTheModel() {
        var info = doc.getDocumentInformation();
        assertEquals(report.title(), info.getTitle());
        assertEquals(report.author(), info.getAuthor());
        assertEquals(report.subtitle(), info.getSubject());
        assertTrue(info.getKeywords().contains("大模型"));
        assertEquals(2024, info.getCreationDate().get(java.util.Calendar.YEAR));
        assertEquals("zh-CN", doc.getDocumentCatalog().getLanguage());
        assertTrue(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
    }

    @Test
    void figuresAreNumberedWithTheirSources() {
        String text = all();
        Matcher m = Pattern.compile("图 (\\d+|[A-Z])-(\\d+)").matcher(text);
        Set<String> labels = new HashSet<>();
        while (m.find()) labels.add(m.group());
        assertTrue(labels.size() >= 15, "numbered figures: " + labels);
        assertTrue(text.contains("图 5-1"));
        assertTrue(text.split("来源：", -1).length - 1 >= 15, "source lines under figures");
    }

    @Test
    void cjkPunctuationNeverStartsALine() {
        Pattern bad = Pattern.compile("(?m)^[，。、；：？！）」』”》】]");
        for (int i = 0; i < pageText.size(); i++) {
            Matcher m = bad.matcher(pageText.get(i));
            int page = i;
            assertFalse(m.find(), () -> "page " + labelOf(page) + " has a line starting with punctuation: "
                    + pageText.get(page).substring(Math.max(0, m.start() - 40), Math.min(pageText.get(page).length(), m.start() + 20)));
        }
    }

    private static String labelOf(int i) {
        return i < labels.length ? labels[i] : Integer.toString(i + 1);
    }

    @Test
    void noUnintendedEmptyPages() {
        for (int i = 0; i < pageText.size(); i++) {
            String t = pageText.get(i).replaceAll("\\s+", "");
            assertTrue(t.length() > 20, "page index " + i + " is (nearly) empty: " + t);
        }
    }

    /** Section headings (12 pt and up) are kept with what follows: none is the last line of a page. */
    @Test
    void noHeadingIsStrandedAtThePageBottom() throws IOException {
        List<String> stranded = new ArrayList<>();
        float bottomMargin = 22 * 72f / 25.4f;
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            float[] last = {0, 0}; // y of the lowest line, its largest font size
            StringBuilder lastText = new StringBuilder();
            float pageHeight = doc.getPage(i).getMediaBox().getHeight();
            org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
                    if (t.getY() > pageHeight - bottomMargin + 2) return; // the footer band (see VisibleText)
                    if (t.getY() > last[0] + 1) {
                        last[0] = t.getY();
                        last[1] = 0;
                        lastText.setLength(0);
                    }
                    if (Math.abs(t.getY() - last[0]) <= 1) {
                        last[1] = Math.max(last[1], t.getFontSizeInPt());
                        lastText.append(t.getUnicode());
                    }
                }
            };
            s.setStartPage(i + 1);
            s.setEndPage(i + 1);
            s.getText(doc);
            boolean opener = pageText.get(i).contains("TECHNOLOGY") || pageText.get(i).contains("PRODUCT") || pageText.get(i).contains("INDUSTRY") || i == 0
                    || i == doc.getNumberOfPages() - 1;
            if (!opener && last[1] >= 11.5f) stranded.add("page index " + i + ": " + lastText);
        }
        assertTrue(stranded.isEmpty(), "headings left at the bottom of a page:\n" + String.join("\n", stranded));
    }

    @Test
    void theFileStaysSmall() throws IOException {
        long size = Files.size(Rendered2024.file("report.pdf"));
        assertTrue(size < 5L * 1024 * 1024, "report.pdf is " + size + " bytes");
    }

    @Test
    void tablesAreNumberedAndRankingTablesKeepOnlyRealColumns() {
        String text = all();
        assertTrue(text.contains("表 5-1"), "numbered tables");
        assertTrue(text.contains("排名 产品 公司 赛道"), "rebuilt ranking table header");
    }
}
