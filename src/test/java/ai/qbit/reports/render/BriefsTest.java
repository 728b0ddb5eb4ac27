package ai.qbit.reports.render;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.Rendered2024;
import ai.qbit.reports.support.VisibleText;
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
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the briefs back: PDF text, page count, page references into the report, the Markdown twins, the pack. */
class BriefsTest {

    static String stem(Chapter c) {
        return String.format("%02d-%s", c.number(), c.id());
    }

    /** The page label where the chapter's opener is in report.pdf, read from the report itself. */
    static String reportPageOf(PDDocument report, List<String> text, Chapter c) throws Exception {
        String[] labels = report.getDocumentCatalog().getPageLabels().getLabelsByPageIndices();
        Pattern kicker = Pattern.compile("PART \\d · [^·]+ · " + Pattern.quote(c.numberLabel()) + "\\s");
        for (int i = 0; i < text.size(); i++) if (kicker.matcher(text.get(i)).find()) return labels[i];
        throw new AssertionError("no chapter opener for " + c.numberLabel());
    }

    @Test
    void tenBriefsOfAtMostTwoPagesWithEverythingTheyPromise() throws Exception {
        Report report = Rendered2024.report();
        try (PDDocument full = Loader.loadPDF(Rendered2024.file("report.pdf").toFile())) {
            List<String> reportText = VisibleText.pages(full, 22);
            int briefs = 0;
            for (Chapter c : report.trends()) {
                Path pdf = Rendered2024.file("briefs/" + stem(c) + ".pdf");
                try (PDDocument b = Loader.loadPDF(pdf.toFile())) {
                    assertTrue(b.getNumberOfPages() <= 2, stem(c) + " has " + b.getNumberOfPages() + " pages");
                    // two columns: a takeaway's wrapped lines read in stream order, the page as a whole in position order
                    String text = (String.join("\n", VisibleText.pages(b, 18, false)) + String.join("\n", VisibleText.pages(b, 18, true)))
                            .replaceAll("\\s+", "");
                    assertTrue(text.contains(c.title().replaceAll("\\s+", "")), stem(c) + " title");
                    for (String k : c.keyPoints()) assertTrue(text.contains(k.replaceAll("\\s+", "")), stem(c) + " takeaway: " + k);
                    for (KeyFigure k : c.keyFigures()) {
                        assertTrue(text.contains(k.value().replaceAll("\\s+", "")), stem(c) + " figure " + k.value());
                        assertTrue(text.contains(k.label().replaceAll("\\s+", "")), stem(c) + " figure label " + k.label());
                    }
                    Matcher m = Pattern.compile("完整内容见报告第(\\S+?)页").matcher(text);
                    assertTrue(m.find(), stem(c) + " page reference");
                    assertEquals(reportPageOf(full, reportText, c), m.group(1), stem(c) + " page reference = chapter start in report.pdf");
                    assertEquals("zh-CN", b.getDocumentCatalog().getLanguage());
                }
                briefs++;
            }
            assertEquals(10, briefs);
        }
    }

    @Test
    void markdownTwinsAreCommonMarkWithTheSameTakeaways() throws Exception {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        for (Chapter c : Rendered2024.report().trends()) {
            String md = Files.readString(Rendered2024.file("briefs/" + stem(c) + ".md"));
            Node doc = parser.parse(md);
            List<Class<?>> kinds = new ArrayList<>();
            for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) kinds.add(n.getClass());
            assertTrue(kinds.contains(Heading.class), stem(c));
            assertTrue(kinds.contains(OrderedList.class), stem(c) + " takeaways as a list");
            assertTrue(kinds.contains(TableBlock.class), stem(c) + " key figures as a table");
            String plain = TextContentRenderer.builder().build().render(doc);
            for (String k : c.keyPoints()) assertTrue(plain.contains(k), stem(c) + " takeaway in Markdown: " + k);
            assertTrue(plain.contains(c.quote().orElseThrow().by()), stem(c) + " quote attribution");
            assertTrue(!md.contains("[(") && !md.contains("th:"), stem(c) + " template syntax leaked");
        }
    }

    @Test
    void eachPartHasAOnePageDigestOfItsTrends() throws Exception {
        Report report = Rendered2024.report();
        try (PDDocument full = Loader.loadPDF(Rendered2024.file("report.pdf").toFile())) {
            List<String> reportText = VisibleText.pages(full, 22);
            for (var part : report.parts()) {
                String stem = "part-" + part.number() + "-" + part.id();
                try (PDDocument d = Loader.loadPDF(Rendered2024.file("briefs/" + stem + ".pdf").toFile())) {
                    assertEquals(1, d.getNumberOfPages(), stem);
                    String text = String.join("", VisibleText.pages(d, 18, false)).replaceAll("\\s+", "");
                    for (Chapter c : part.chapters()) {
                        if (!c.isTrend()) continue;
                        assertTrue(text.contains(c.numberLabel() + c.title().replaceAll("\\s+", "")), stem + ": " + c.numberLabel());
                        assertTrue(text.contains(c.keyFigures().get(0).value()), stem + ": " + c.keyFigures().get(0).value());
                        assertTrue(text.contains("详见报告第" + reportPageOf(full, reportText, c) + "页"), stem + ": page of " + c.numberLabel());
                    }
                }
                String md = Files.readString(Rendered2024.file("briefs/" + stem + ".md"));
                assertTrue(md.startsWith("# PART " + part.number()), stem + ".md");
            }
        }
    }

    @Test
    void thePackHasOneBookmarkPerBrief() throws Exception {
        try (PDDocument pack = Loader.loadPDF(Rendered2024.file("briefs/briefs.pdf").toFile())) {
            List<String> titles = new ArrayList<>();
            for (PDOutlineItem i : pack.getDocumentCatalog().getDocumentOutline().children()) titles.add(i.getTitle());
            assertEquals(10, titles.size());
            assertTrue(titles.get(4).startsWith("趋势五 AI应用竞争"), titles.toString());
        }
    }
}
