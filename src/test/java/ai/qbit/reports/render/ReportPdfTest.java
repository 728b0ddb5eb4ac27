package ai.qbit.reports.render;

import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.ReportPdf;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
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
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ai.qbit.reports.support.ReportPdf.squeeze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads every report's report.pdf back with PDFBox: what a reader gets. Expectations come from the model and its
 * language pack ({@link Labels}, {@code report.lang()}), never from one report's words. Each check is a static
 * method over a {@link ReportPdf} so that {@link ReportShapesTest} runs the same checks on small models of other shapes.
 */
class ReportPdfTest {
    static final String IDS = "ai.qbit.reports.support.Rendered#ids";

    static ReportPdf pdf(String id) {
        return Rendered.of(id).pdf();
    }

    /** Every check of this class, for a report rendered elsewhere (the report shapes). */
    static void all(ReportPdf pdf) throws IOException {
        fontsAreEmbeddedAndSubset(pdf);
        noCharacterLacksAGlyph(pdf);
        chartsAreVectors(pdf);
        pageLabels(pdf);
        tocNumbers(pdf);
        outline(pdf);
        internalLinks(pdf);
        metadata(pdf);
        figuresAndTables(pdf);
        noEmptyPages(pdf);
    }

    // ---- fonts and glyphs ----

    @ParameterizedTest
    @MethodSource(IDS)
    void everyFontIsEmbeddedAndSubset(String id) throws IOException {
        fontsAreEmbeddedAndSubset(pdf(id));
    }

    static void fontsAreEmbeddedAndSubset(ReportPdf pdf) throws IOException {
        Set<String> fonts = fonts(pdf.doc);
        assertFalse(fonts.isEmpty());
        for (String f : fonts) assertTrue(f.matches("[A-Z]{6}\\+.*"), "not a subset: " + f);
        var theme = new ai.qbit.reports.chart.ThemeFonts(pdf.report().theme());
        String regular = theme.regular(10).getPSName(), bold = theme.bold(10).getPSName();
        assertTrue(fonts.stream().anyMatch(f -> f.endsWith("+" + regular)), regular + " in " + fonts);
        assertTrue(fonts.stream().anyMatch(f -> f.endsWith("+" + bold)), bold + " in " + fonts);
    }

    static Set<String> fonts(PDDocument doc) throws IOException {
        Set<String> fonts = new TreeSet<>();
        for (PDPage p : doc.getPages()) collectFonts(p.getResources(), fonts, 0);
        return fonts;
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

    @ParameterizedTest
    @MethodSource(IDS)
    void noCharacterLacksAGlyphInTheThemeFont(String id) {
        noCharacterLacksAGlyph(pdf(id));
    }

    static void noCharacterLacksAGlyph(ReportPdf pdf) {
        java.awt.Font regular = new ai.qbit.reports.chart.ThemeFonts(pdf.report().theme()).regular(10);
        Set<String> missing = new TreeSet<>();
        pdf.all().codePoints().filter(cp -> !Character.isWhitespace(cp) && !regular.canDisplay(cp))
                .forEach(cp -> missing.add(new String(Character.toChars(cp)) + " U+" + Integer.toHexString(cp)));
        assertTrue(missing.isEmpty(), "characters the theme font cannot draw: " + missing);
    }

    // ---- charts ----

    /** Every figure block of the model's chapters (inside call-outs and lists too). */
    static List<Block.FigureRef> figures(List<Block> blocks) {
        List<Block.FigureRef> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.FigureRef f) out.add(f);
            else if (b instanceof Block.Callout co) out.addAll(figures(co.body()));
            else if (b instanceof Block.ListBlock l) l.items().forEach(item -> out.addAll(figures(item)));
        }
        return out;
    }

    static List<Block.Table> tables(List<Block> blocks) {
        List<Block.Table> out = new ArrayList<>();
        for (Block b : blocks) {
            if (b instanceof Block.Table t) out.add(t);
            else if (b instanceof Block.Callout co) out.addAll(tables(co.body()));
            else if (b instanceof Block.ListBlock l) l.items().forEach(item -> out.addAll(tables(item)));
        }
        return out;
    }

    static int figureCount(Report r) {
        return r.allChapters().stream().mapToInt(c -> figures(c.body()).size()).sum();
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void chartsAreVectorsNotPictures(String id) throws IOException {
        chartsAreVectors(pdf(id));
    }

    static void chartsAreVectors(ReportPdf pdf) throws IOException {
        int forms = 0, images = 0;
        for (PDPage p : pdf.doc.getPages()) {
            PDResources r = p.getResources();
            for (COSName n : r.getXObjectNames()) {
                if (r.getXObject(n) instanceof PDFormXObject) forms++;
                else images++;
            }
        }
        assertEquals(0, images, "no bitmap images");
        int figures = figureCount(pdf.report());
        assertTrue(forms >= figures, "charts drawn as form XObjects: " + forms + " for " + figures + " figures");
    }

    // ---- page labels, contents, outline, links ----

    @ParameterizedTest
    @MethodSource(IDS)
    void pageLabelsAreCoverThenRomanFrontMatterThenArabicFromOne(String id) {
        pageLabels(pdf(id));
    }

    static void pageLabels(ReportPdf pdf) {
        String[] labels = pdf.labels;
        assertEquals(pdf.doc.getNumberOfPages(), labels.length);
        assertEquals(pdf.report().lang().msg("outline.cover"), labels[0], "the cover's label");
        int body = pdf.bodyStart();
        assertTrue(body >= 2, "the front matter (at least the contents) comes before the body: " + body);
        for (int i = 1; i < body; i++) assertEquals(Roman.lower(i), labels[i], "front matter page index " + i);
        for (int i = body; i < labels.length; i++) assertEquals(Integer.toString(i - body + 1), labels[i], "body page index " + i);
    }

    /** Lower-case roman numerals, written here rather than borrowed from the writer. */
    static final class Roman {
        static String lower(int n) {
            int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
            String[] s = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(s[i]); n -= v[i]; }
            return sb.toString();
        }
    }

    /** The contents: the pages from the one headed by the contents title to the body's first page. */
    static String tocText(ReportPdf pdf) {
        int toc = pdf.pageWithHeadline(pdf.report().lang().msg("toc.title"), 1);
        assertTrue(toc > 0, "a page headed " + pdf.report().lang().msg("toc.title"));
        return pdf.text(toc, pdf.bodyStart());
    }

    /** An entry's words (the layout may wrap them) then its leader dots and page number at the end of a line. */
    static Pattern tocEntry(String words) {
        StringBuilder sb = new StringBuilder();
        for (int cp : squeeze(words).codePoints().toArray()) {
            if (!sb.isEmpty()) sb.append("\\s*");
            sb.append(Pattern.quote(new String(Character.toChars(cp))));
        }
        return Pattern.compile(sb + "[^\\n]*?\\.{3,}\\s*([0-9]+|[ivxlcdm]+)[ \\t]*(?=\\n|$)");
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void tocNumbersAreTheLabelsOfThePagesWhereChaptersStart(String id) {
        tocNumbers(pdf(id));
    }

    static void tocNumbers(ReportPdf pdf) {
        Report r = pdf.report();
        Labels l = new Labels(r);
        String toc = tocText(pdf);
        int at = 0, checked = 0;
        for (Part p : r.parts()) {
            if (!p.implicit()) {
                Matcher m = tocEntry(l.part(p) + p.title()).matcher(toc);
                assertTrue(m.find(at), "contents entry for " + l.part(p) + " " + p.title() + " in:\n" + toc);
                assertEquals(pdf.label(pdf.openerOf(p)), m.group(1), "contents number of part " + p.id());
                at = m.end();
            }
            for (Chapter c : p.chapters()) {
                String words = l.tocLabel(c) + l.fullTitle(c);
                Matcher m = tocEntry(words).matcher(toc);
                assertTrue(m.find(at), "contents entry \"" + words + "\" (after char " + at + ") in:\n" + toc);
                int start = pdf.startOf(c);
                assertEquals(pdf.label(start), m.group(1), words + ": contents number vs. the label of the page where it starts (index " + start + ")");
                at = m.end();
                checked++;
            }
        }
        for (Chapter c : r.back()) {
            Matcher m = tocEntry(c.title()).matcher(toc);
            assertTrue(m.find(at), "contents entry for " + c.title() + " in:\n" + toc);
            assertEquals(pdf.label(pdf.startOf(c)), m.group(1), c.title());
            at = m.end();
            checked++;
        }
        assertEquals(r.body().size() + r.back().size(), checked);
    }

    record Bookmark(String title, List<Bookmark> children) {
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void outlineMirrorsTheTocAndPointsWhereEachChapterStarts(String id) throws IOException {
        outline(pdf(id));
    }

    static void outline(ReportPdf pdf) throws IOException {
        Report r = pdf.report();
        Labels l = new Labels(r);
        LanguagePack lang = r.lang();
        var outline = pdf.doc.getDocumentCatalog().getDocumentOutline();
        assertNotNull(outline, "report.pdf has bookmarks");
        assertTrue(outline.isNodeOpen());
        assertEquals("UseOutlines", pdf.doc.getDocumentCatalog().getPageMode().stringValue());

        // expected: cover, front chapters, contents, parts (→ their chapters) or the chapters directly, back chapters
        List<String> expectedTop = new ArrayList<>();
        expectedTop.add(lang.msg("outline.cover"));
        for (Chapter c : r.front()) expectedTop.add(l.heading(c));
        expectedTop.add(lang.msg("toc.title"));
        for (Part p : r.parts()) {
            if (p.implicit()) p.chapters().forEach(c -> expectedTop.add(l.heading(c)));
            else expectedTop.add(lang.msg("label.and.title", l.part(p), p.title()));
        }
        for (Chapter c : r.back()) expectedTop.add(l.heading(c));
        List<PDOutlineItem> top = items(outline);
        assertEquals(expectedTop, top.stream().map(PDOutlineItem::getTitle).toList(), "top-level bookmarks");

        for (Part p : r.visibleParts()) {
            PDOutlineItem item = find(top, lang.msg("label.and.title", l.part(p), p.title()));
            assertEquals(pdf.openerOf(p), pageOf(pdf.doc, item), "bookmark of part " + p.id());
            assertEquals(p.chapters().stream().map(l::heading).toList(), items(item).stream().map(PDOutlineItem::getTitle).toList(),
                    "bookmarks under part " + p.id());
        }
        List<PDOutlineItem> chapterItems = new ArrayList<>();
        for (PDOutlineItem i : top) {
            chapterItems.add(i);
            chapterItems.addAll(items(i));
        }
        for (Chapter c : r.allChapters()) {
            PDOutlineItem item = find(chapterItems, l.heading(c));
            assertEquals(pdf.startOf(c), pageOf(pdf.doc, item), "bookmark " + l.heading(c) + " → the page where its title is");
            assertEquals(c.topHeadings().stream().map(Block.Heading::plainText).toList(),
                    items(item).stream().map(PDOutlineItem::getTitle).toList(), "section bookmarks of " + c.id());
        }
    }

    static List<PDOutlineItem> items(PDOutlineNode node) {
        List<PDOutlineItem> out = new ArrayList<>();
        for (PDOutlineItem i : node.children()) out.add(i);
        return out;
    }

    private static PDOutlineItem find(List<PDOutlineItem> items, String title) {
        return items.stream().filter(i -> i.getTitle().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no bookmark \"" + title + "\" among " + items.stream().map(PDOutlineItem::getTitle).toList()));
    }

    static int pageOf(PDDocument doc, PDOutlineItem item) throws IOException {
        var d = item.getDestination();
        if (d == null && item.getAction() instanceof PDActionGoTo g) d = g.getDestination();
        assertTrue(d instanceof PDPageDestination, item.getTitle() + " has a page destination");
        return doc.getPages().indexOf(((PDPageDestination) d).getPage());
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void everyInternalLinkResolves(String id) throws IOException {
        internalLinks(pdf(id));
    }

    static void internalLinks(ReportPdf pdf) throws IOException {
        PDDocument doc = pdf.doc;
        int links = 0;
        for (PDPage p : doc.getPages()) {
            for (PDAnnotation a : p.getAnnotations()) {
                if (!(a instanceof PDAnnotationLink link)) continue;
                var dest = link.getDestination();
                if (dest == null && link.getAction() instanceof PDActionGoTo g) dest = g.getDestination();
                if (dest == null) continue; // an external URI
                if (dest instanceof PDNamedDestination named) dest = doc.getDocumentCatalog().findNamedDestinationPage(named);
                assertTrue(dest instanceof PDPageDestination pd && pd.retrievePageNumber() >= 0, "dangling link on page index " + doc.getPages().indexOf(p));
                links++;
            }
        }
        Report r = pdf.report();
        int entries = r.visibleParts().size() + r.body().size() + r.back().size();
        assertTrue(links >= entries, "contents entries are links: " + links + " links for " + entries + " entries");
    }

    // ---- metadata ----

    @ParameterizedTest
    @MethodSource(IDS)
    void metadataComesFromTheModel(String id) {
        metadata(pdf(id));
    }

    static void metadata(ReportPdf pdf) {
        Report r = pdf.report();
        var info = pdf.doc.getDocumentInformation();
        assertEquals(r.title(), info.getTitle());
        assertEquals(r.author(), info.getAuthor());
        assertEquals(r.subtitle(), info.getSubject());
        for (String k : r.keywords()) assertTrue(info.getKeywords().contains(k), "keyword " + k + " in " + info.getKeywords());
        assertEquals(r.date().getYear(), info.getCreationDate().get(java.util.Calendar.YEAR));
        assertEquals(r.date().getMonthValue() - 1, info.getCreationDate().get(java.util.Calendar.MONTH));
        assertEquals(r.date().getDayOfMonth(), info.getCreationDate().get(java.util.Calendar.DAY_OF_MONTH));
        assertEquals(r.language(), pdf.doc.getDocumentCatalog().getLanguage());
        assertTrue(pdf.doc.getDocumentCatalog().getViewerPreferences().displayDocTitle());
    }

    // ---- figures and tables ----

    @ParameterizedTest
    @MethodSource(IDS)
    void figuresAndTablesAreNumberedInTheLanguageWithTheirSources(String id) {
        figuresAndTables(pdf(id));
    }

    static void figuresAndTables(ReportPdf pdf) {
        Report r = pdf.report();
        Labels l = new Labels(r);
        int figures = 0;
        for (Chapter c : r.allChapters()) {
            int[] pages = pdf.pagesOf(c);
            String text = squeeze(pdf.text(pages[0], pages[1]));
            for (Block.FigureRef f : figures(c.body())) {
                var d = r.dataset(f.datasetId());
                String caption = l.msg("figure.label", l.figureNumber(c, f.number())) + (f.caption().isEmpty() ? d.title() : f.caption());
                assertTrue(text.contains(squeeze(caption)), c.id() + ": figure caption \"" + caption + "\" on its chapter's pages");
                assertTrue(text.contains(squeeze(l.msg("figure.source", d.source()))), c.id() + ": source line of " + d.id());
                figures++;
            }
            for (Block.Table t : tables(c.body())) {
                String caption = l.msg("table.label", l.figureNumber(c, t.number())) + t.caption();
                assertTrue(text.contains(squeeze(caption)), c.id() + ": table caption \"" + caption + "\"");
            }
        }
        assertEquals(figureCount(r), figures);
    }

    // ---- layout ----

    @ParameterizedTest
    @MethodSource(IDS)
    void noUnintendedEmptyPages(String id) {
        noEmptyPages(pdf(id));
    }

    /** A page shows more than a running head (a part opener: at least its part's title). */
    static void noEmptyPages(ReportPdf pdf) {
        java.util.Map<Integer, Part> openers = new java.util.HashMap<>();
        for (Part p : pdf.report().visibleParts()) openers.put(pdf.openerOf(p), p);
        for (int i = 0; i < pdf.text.size(); i++) {
            String t = squeeze(pdf.text.get(i));
            if (openers.containsKey(i)) assertTrue(t.contains(squeeze(openers.get(i).title())), "part opener " + pdf.label(i) + ": " + t);
            else assertTrue(t.length() > 20, "page index " + i + " (" + pdf.label(i) + ") is (nearly) empty: " + t);
        }
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void cjkPunctuationNeverStartsALine(String id) {
        ReportPdf pdf = pdf(id);
        Pattern bad = Pattern.compile("(?m)^[，。、；：？！）」』”》】]");
        for (int i = 0; i < pdf.text.size(); i++) {
            String page = pdf.text.get(i);
            Matcher m = bad.matcher(page);
            if (m.find()) throw new AssertionError("page " + pdf.label(i) + " has a line starting with punctuation: "
                    + page.substring(Math.max(0, m.start() - 40), Math.min(page.length(), m.start() + 20)));
        }
    }

    /** Section headings (12 pt and up) are kept with what follows: none is the last line of a page. */
    @ParameterizedTest
    @MethodSource(IDS)
    void noHeadingIsStrandedAtThePageBottom(String id) throws IOException {
        ReportPdf pdf = pdf(id);
        PDDocument doc = pdf.doc;
        Set<Integer> openers = new HashSet<>(List.of(0, doc.getNumberOfPages() - 1));
        for (Part p : pdf.report().visibleParts()) openers.add(pdf.openerOf(p));
        List<String> stranded = new ArrayList<>();
        float bottomMargin = pdf.bottomMarginPt;
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            if (openers.contains(i)) continue;
            float[] last = {0, 0}; // y of the lowest line, its largest font size
            StringBuilder lastText = new StringBuilder();
            float pageHeight = doc.getPage(i).getMediaBox().getHeight();
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    if (t.getY() > pageHeight - bottomMargin + 2) return; // the footer band: the page number
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
            if (last[1] >= 11.5f) stranded.add("page " + pdf.label(i) + ": " + lastText);
        }
        assertTrue(stranded.isEmpty(), "headings left at the bottom of a page:\n" + String.join("\n", stranded));
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void theFileStaysSmall(String id) throws IOException {
        long size = Files.size(Rendered.of(id).file("report.pdf"));
        assertTrue(size < 5L * 1024 * 1024, "report.pdf is " + size + " bytes");
    }
}
