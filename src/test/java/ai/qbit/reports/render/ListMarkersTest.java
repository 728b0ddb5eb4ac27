package ai.qbit.reports.render;

import ai.qbit.reports.fonts.FontCache;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import ai.qbit.reports.support.ReportPdf;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.PageText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Lists keep their markers on the page as text: every item of every list in report.pdf, and every key point in the
 * briefs, reads back (PDFBox, position order) as its bullet or number immediately followed by the item's text, in
 * the style of its nesting level from the language pack. Flying Saucer's own markers are shapes, not text, and
 * vanished or strayed; a marker glyph the font shares with another character (• and · in Noto Sans SC) reads
 * back as that character, which this test also catches.
 */
class ListMarkersTest {
    /** One list item as the model has it: the marker the PDF must show and the start of the item's text. */
    record Item(String chapter, String marker, String text, int depth, boolean ordered, int start) {
    }

    static Stream<String> ids() {
        return Rendered.ids().stream();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyListItemOfTheReportReadsAsItsMarkerThenItsText(String id) {
        Rendered r = Rendered.of(id);
        List<Item> items = items(r.report());
        assertTrue(items.size() > 3, id + ": the sample has lists");
        check(r.pdf().text, items, id + "/report.pdf");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void briefKeyPointsAndDigestPointsReadAsMarkerThenText(String id) throws IOException {
        Rendered r = Rendered.of(id);
        Report report = r.report();
        ListMarkers markers = markers(report);
        int checked = 0;
        for (Chapter c : report.briefChapters()) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < c.keyPoints().size(); i++) items.add(new Item(c.id(), markers.marker(true, 1, i, 1), c.keyPoints().get(i), 1, true, 1));
            if (items.isEmpty()) continue;
            check(pages(r.file("briefs/" + BriefsTest.stem(report, c) + ".pdf"), report), items, id + " brief " + c.id());
            checked += items.size();
        }
        for (var part : report.parts()) {
            Path digest = r.file("briefs/part-" + part.number() + "-" + part.id() + ".pdf");
            if (part.implicit() || !Files.exists(digest)) continue;
            List<Item> items = new ArrayList<>();
            for (Chapter c : part.chapters()) {
                for (int i = 0; i < Math.min(3, c.keyPoints().size()); i++) items.add(new Item(c.id(), markers.marker(false, 1, i, 1), c.keyPoints().get(i), 1, false, 1));
            }
            check(pages(digest, report), items, id + " digest " + part.id());
            checked += items.size();
        }
        assertTrue(checked > 0, id + ": the briefs have key points");
    }

    /** The samples' lists include a nested one: it gets its own marker, and the PDF shows it. */
    @Test
    void nestedListsOfTheSamplesHaveTheirOwnMarker() {
        boolean nested = false;
        for (String id : Rendered.ids()) {
            for (Item i : items(Rendered.of(id).report())) {
                if (i.depth() > 1 && !i.ordered()) {
                    nested = true;
                    assertNotEquals(markers(Rendered.of(id).report()).marker(false, 1, 0, 1), i.marker(), id + ": a nested list's bullet differs from its parent's");
                }
            }
        }
        assertTrue(nested, "a sample has a nested bulleted list (2024, trend 4)");
    }

    @TempDir
    Path tmp;

    /**
     * No sample has an ordered list that starts elsewhere than 1, nor three levels of nesting: a small English model
     * has them. Expected markers are written out from the English pack's conventions (1. / a. / i.; • levels).
     */
    @Test
    void orderedListsHonourTheirStartAndEachLevelHasItsStyle() throws Exception {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("seeds"));
        Files.createSymbolicLink(root.resolve("assets"), Path.of("assets").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        MiniModel m = MiniModel.english(root.resolve("seeds"));
        m.put("chapters/00-foreword.md", """
                This small report exists to test the toolkit in English.

                3. Third step, numbered from where the previous list stopped, and long enough to wrap onto a second line of the page so that the hanging indent shows
                4. Fourth step
                   1. First sub step
                   2. Second sub step
                      - Deep point
                5. Fifth step

                - Outer point
                  - Inner point
                    - Innermost point
                """);
        m.write();
        Rendered r = Rendered.render(root, m.id(), Rendered.ROOT.resolve("target/test-output/lists").resolve(m.id()));
        List<Item> items = items(r.report());
        List<String> markers = items.stream().filter(i -> i.chapter().equals("foreword")).map(Item::marker).toList();
        assertEquals(List.of("3.", "4.", "a.", "b.", "▫", "5.", "▪", "◦", "▫"), markers,
                "ordered from 3; the nested ordered list by letters; each nesting level its own style (the English pack)");
        check(r.pdf().text, items, "mini/report.pdf");
    }

    /**
     * Every item of {@code expected} is found, in order, as its marker immediately followed by the start of its text
     * (a few characters: in a brief the first line shares its height with the column beside it, which reads next).
     */
    static void check(List<String> pageTexts, List<Item> expected, String where) {
        String text = ReportPdf.squeeze(String.join("\n", pageTexts));
        int at = 0;
        for (Item i : expected) {
            String start = ReportPdf.squeeze(i.text());
            String want = i.marker() + start.substring(0, start.offsetByCodePoints(0, Math.min(10, start.codePointCount(0, start.length()))));
            int found = text.indexOf(want, at);
            if (found < 0) {
                String body = ReportPdf.squeeze(i.text());
                int t = text.indexOf(body, at);
                fail(where + ": chapter " + i.chapter() + ": item \"" + i.text() + "\" (level " + i.depth() + ") should read as \""
                        + i.marker() + "\" then its text; " + (t < 0 ? "its text is not found in order"
                        : "the text before it reads \"" + text.substring(Math.max(0, t - 8), t) + "\""));
            }
            at = found + want.length();
        }
    }

    static ListMarkers markers(Report report) {
        return new ListMarkers(report.lang(), FontCache.awt(report.theme().regularFont()));
    }

    /** Every list item of every chapter, in reading order, with the marker it must show; items that open with no paragraph are left out. */
    static List<Item> items(Report report) {
        ListMarkers markers = markers(report);
        List<Item> out = new ArrayList<>();
        for (Chapter c : report.allChapters()) walk(c.id(), c.body(), 0, markers, out);
        return out;
    }

    private static void walk(String chapter, List<Block> blocks, int depth, ListMarkers markers, List<Item> out) {
        for (Block b : blocks) {
            if (b instanceof Block.Callout co) walk(chapter, co.body(), depth, markers, out);
            if (!(b instanceof Block.ListBlock l)) continue;
            for (int i = 0; i < l.items().size(); i++) {
                List<Block> item = l.items().get(i);
                if (!item.isEmpty() && item.get(0) instanceof Block.Paragraph p) {
                    out.add(new Item(chapter, markers.marker(l.ordered(), l.start(), i, depth + 1),
                            beforeFootnote(p.text()), depth + 1, l.ordered(), l.start()));
                }
                walk(chapter, item, depth + 1, markers, out);
            }
        }
    }

    /** The item's text up to its first footnote reference (which the PDF sets as a number the model's text lacks). */
    private static String beforeFootnote(List<Inline> runs) {
        List<Inline> before = new ArrayList<>();
        for (Inline r : runs) {
            if (r instanceof Inline.FootnoteRef) break;
            before.add(r);
        }
        return Inline.plain(before);
    }

    private static List<String> pages(Path pdf, Report report) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return PageText.pages(doc, true);
        }
    }
}
