package ai.qbit.reports.render;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import ai.qbit.reports.support.ReportPdf;
import ai.qbit.reports.support.Rendered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ai.qbit.reports.support.ReportPdf.squeeze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tables read back from report.pdf of every report under seeds/: a date or a number in a cell is on one line, no
 * header stacks one character per line or breaks a word, a small table is on one page with its caption, and a long
 * table (a small model) repeats its header on every page it spans.
 */
class TablesTest {
    /** Dates (2024.01.19, 2024-05) and numbers or prices of three characters or more (29999, 4.4, 763.3%). */
    static final Pattern NUMBER = Pattern.compile("\\d{4}[./-]\\d{1,2}(?:[./-]\\d{1,2})?|\\d[\\d,]*(?:\\.\\d+)?%?");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z0-9]+");

    @TempDir
    Path tmp;

    static List<String> reports() {
        return Rendered.ids();
    }

    record Found(Chapter chapter, Block.Table table) {
    }

    static List<Found> tables(Report r) {
        List<Found> out = new ArrayList<>();
        for (Chapter c : r.allChapters()) collect(c, c.body(), out);
        return out;
    }

    private static void collect(Chapter c, List<Block> blocks, List<Found> out) {
        for (Block b : blocks) {
            if (b instanceof Block.Table t) out.add(new Found(c, t));
            else if (b instanceof Block.Callout co) collect(c, co.body(), out);
            else if (b instanceof Block.ListBlock l) for (List<Block> item : l.items()) collect(c, item, out);
        }
    }

    static String plain(List<Inline> runs) {
        StringBuilder sb = new StringBuilder();
        for (Inline in : runs) {
            if (in instanceof Inline.Text t) sb.append(t.text());
            else if (in instanceof Inline.Strong s) sb.append(plain(s.children()));
            else if (in instanceof Inline.Emphasis e) sb.append(plain(e.children()));
            else if (in instanceof Inline.Link l) sb.append(plain(l.children()));
            else if (in instanceof Inline.Code c) sb.append(c.text());
            else if (in instanceof Inline.LineBreak) sb.append('\n');
        }
        return sb.toString();
    }

    /** The visual lines of the chapter's pages. */
    static List<String> lines(ReportPdf pdf, Chapter c) {
        int[] range = pdf.pagesOf(c);
        List<String> out = new ArrayList<>();
        for (int p = range[0]; p < range[1]; p++) out.addAll(Arrays.asList(pdf.text.get(p).split("\\R")));
        return out;
    }

    static int count(String s, String token) {
        int n = 0;
        for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + token.length())) n++;
        return n;
    }

    @ParameterizedTest
    @MethodSource("reports")
    void datesAndNumbersInCellsAreNotBroken(String id) {
        checkNumbers(Rendered.of(id));
    }

    static void checkNumbers(Rendered r) {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Found f : tables(r.report())) {
            List<String> lines = lines(r.pdf(), f.chapter());
            java.util.Map<String, Integer> inCells = new java.util.LinkedHashMap<>();
            for (List<List<Inline>> row : f.table().rows()) {
                for (List<Inline> cell : row) {
                    Matcher m = NUMBER.matcher(plain(cell));
                    while (m.find()) if (m.group().length() >= 3) inCells.merge(m.group(), 1, Integer::sum);
                }
            }
            for (var e : inCells.entrySet()) {
                checked++;
                int onLines = lines.stream().mapToInt(l -> count(l, e.getKey())).sum();
                if (onLines < e.getValue()) broken.add(f.table().caption() + ": \"" + e.getKey() + "\" is in " + e.getValue()
                        + " cell(s) but on only " + onLines + " line(s) of the chapter's pages");
            }
        }
        assertTrue(checked > 0, r.id() + ": no dates or numbers in tables to check");
        assertTrue(broken.isEmpty(), r.id() + ": numbers broken across lines:\n" + String.join("\n", broken));
    }

    @ParameterizedTest
    @MethodSource("reports")
    void headersAreNotStackedOrBrokenInsideAWord(String id) {
        Rendered r = Rendered.of(id);
        List<String> bad = new ArrayList<>();
        for (Found f : tables(r.report())) {
            List<String> lines = lines(r.pdf(), f.chapter());
            StringBuilder headerChars = new StringBuilder();
            for (List<Inline> h : f.table().header()) {
                String text = plain(h);
                headerChars.append(squeeze(text));
                Matcher m = LATIN_WORD.matcher(text);
                while (m.find()) {
                    String w = m.group();
                    if (lines.stream().noneMatch(l -> l.contains(w))) bad.add(f.table().caption() + ": header word \"" + w + "\" is broken");
                }
            }
            // a header row wrapped one character per line reads as a line of lone header characters: "技 企 发 售"
            for (String l : lines) {
                String[] frags = l.trim().split("\\s+");
                if (frags.length >= 2 && Arrays.stream(frags).allMatch(s -> s.codePointCount(0, s.length()) == 1 && headerChars.indexOf(s) >= 0)) {
                    bad.add(f.table().caption() + ": a header line of single characters: \"" + l + "\"");
                }
            }
        }
        assertTrue(bad.isEmpty(), id + ":\n" + String.join("\n", bad));
    }

    @ParameterizedTest
    @MethodSource("reports")
    void aSmallTableIsOnOnePageWithItsCaption(String id) {
        Rendered r = Rendered.of(id);
        Report report = r.report();
        TableLayout layout = new TableLayout(report.theme(), report.lang().locale());
        Labels labels = new Labels(report);
        List<String> split = new ArrayList<>();
        int small = 0;
        for (Found f : tables(report)) {
            Block.Table t = f.table();
            if (!layout.plan(t).small()) continue;
            small++;
            String caption = squeeze(report.lang().msg("table.label", labels.figureNumber(f.chapter(), t.number())) + t.caption());
            int[] range = r.pdf().pagesOf(f.chapter());
            int page = -1;
            for (int p = range[0]; p < range[1] && page < 0; p++) if (squeeze(r.pdf().text.get(p)).contains(caption)) page = p;
            assertTrue(page >= 0, id + ": caption not found: " + caption);
            String after = squeeze(r.pdf().text.get(page));
            after = after.substring(after.indexOf(caption));
            List<List<Inline>> last = t.rows().get(t.rows().size() - 1);
            for (List<Inline> cell : last) {
                // the cell's first word, at most 6 characters: a wrapped cell interleaves with its neighbours by position
                String s = plain(cell).trim().split("\\s+")[0];
                String head = s.substring(0, Math.min(6, s.length()));
                if (!after.contains(head)) split.add(t.caption() + " (page " + r.pdf().label(page) + "): its last row (\"" + head + "\") is not on the caption's page");
            }
        }
        assertTrue(small > 0, id + ": no small tables");
        assertTrue(split.isEmpty(), id + ":\n" + String.join("\n", split));
    }

    /** An English report on A4 with a table of 70 rows of dates and prices: it spans pages, each opens with the header. */
    @Test
    void aLongTableRepeatsItsHeaderOnEveryPage() throws Exception {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("seeds"));
        Files.createSymbolicLink(root.resolve("assets"), Path.of("assets").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        StringBuilder table = new StringBuilder("\nTable: Prices by day\n\n| Day | Item | Price (USD) | Note |\n|---|---|---|---|\n");
        for (int i = 1; i <= 70; i++) {
            table.append("| 2024.").append(String.format("%02d.%02d", 1 + i % 12, 1 + i % 28)).append(" | Widget ").append(i)
                    .append(" | ").append(1000 + i * 37).append(".50 | delivered to the warehouse in the north |\n");
        }
        MiniModel m = MiniModel.english(root.resolve("seeds"));
        m.put("chapters/02-shares.md", m.files.get("chapters/02-shares.md") + table);
        m.write();
        Rendered r = Rendered.render(root, m.id(), Rendered.ROOT.resolve("target/test-output/tables").resolve(m.id()));
        Report report = r.report();
        Block.Table t = tables(report).stream().map(Found::table).filter(x -> x.rows().size() == 70).findFirst().orElseThrow();
        assertTrue(!new TableLayout(report.theme(), report.lang().locale()).plan(t).small(), "70 rows are a long table");
        String header = "Day Item Price (USD) Note";
        List<Integer> pagesWithRows = new ArrayList<>();
        for (int p = 0; p < r.pdf().text.size(); p++) if (r.pdf().text.get(p).contains("Widget ")) pagesWithRows.add(p);
        assertTrue(pagesWithRows.size() >= 2, "the table spans pages: " + pagesWithRows);
        for (int p : pagesWithRows) {
            assertTrue(r.pdf().text.get(p).contains(header), "page " + (p + 1) + " repeats the header row");
        }
        String last = r.pdf().text.get(pagesWithRows.get(pagesWithRows.size() - 1));
        assertTrue(last.contains("Widget 69") && last.contains("Widget 70"), "the last two rows stay together");
        assertEquals(70, pagesWithRows.stream().mapToInt(p -> count(r.pdf().text.get(p), "Widget ")).sum(), "every row once");
        checkNumbers(r);
    }
}
