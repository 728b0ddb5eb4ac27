package ai.qbit.reports.content;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The source's pictures are gone, its captions are not: every "图：" caption of 002 is in the model (a lost figure,
 * a table caption, or the cited line of a drawn figure), and every "如下图 / 如图 / 图中" of the text has a figure,
 * table or lost figure next to it. Cut-off passages do not end on a dangling colon or arrow.
 */
class Report2024LostFiguresTest {
    static final Report REPORT = ProvenanceTest.load("2024");
    static final String SOURCE = "002_60ebbbbbae8729be.txt";
    static final Pattern POINTER = Pattern.compile("如下图|如图所示|图中|下图|上图|二维码");

    /** The model's blocks in reading order, lists and call-outs opened. */
    static List<Block> flat(List<Block> blocks) {
        List<Block> out = new ArrayList<>();
        for (Block b : blocks) {
            out.add(b);
            if (b instanceof Block.ListBlock l) l.items().forEach(item -> out.addAll(flat(item)));
            if (b instanceof Block.Callout c) out.addAll(flat(c.body()));
        }
        return out;
    }

    static String text(Block b) {
        if (b instanceof Block.Paragraph p) return Inline.plain(p.text());
        if (b instanceof Block.Heading h) return h.plainText();
        return "";
    }

    @Test
    void everyCaptionOfTheSourceIsInTheModel() throws Exception {
        List<String> source = Files.readAllLines(Path.of("seeds/2024/sources").resolve(SOURCE));
        List<String> kept = new ArrayList<>();
        List<Integer> citedLines = new ArrayList<>();
        for (Chapter c : REPORT.allChapters()) {
            for (Block b : flat(c.body())) {
                if (b instanceof Block.LostFigure f) kept.add(f.caption());
                if (b instanceof Block.Table t) kept.add(t.caption());
            }
        }
        for (Dataset d : REPORT.datasets().values()) {
            for (SourceRef r : d.from()) if (r.file().equals(SOURCE)) citedLines.add(r.line());
        }
        List<String> missing = new ArrayList<>();
        int captions = 0;
        for (int i = 0; i < source.size(); i++) {
            String l = source.get(i).strip();
            if (!l.startsWith("图：")) continue;
            captions++;
            String caption = l.substring(2).strip().replace("Robotaix", "Robotaxi"); // the one slip the model corrects
            if (!kept.contains(caption) && !citedLines.contains(i + 1)) missing.add((i + 1) + ": " + l);
        }
        assertTrue(captions >= 50, "captions found: " + captions);
        assertTrue(missing.isEmpty(), "captions of the source not in the model:\n" + String.join("\n", missing));
    }

    @Test
    void noPointerToAFigurePointsAtNothing() {
        List<String> dangling = new ArrayList<>();
        for (Chapter c : REPORT.allChapters()) {
            List<Block> blocks = flat(c.body());
            for (int i = 0; i < blocks.size(); i++) {
                if (!POINTER.matcher(text(blocks.get(i))).find()) continue;
                boolean near = false;
                for (int j = Math.max(0, i - 2); j <= Math.min(blocks.size() - 1, i + 2); j++) {
                    Block b = blocks.get(j);
                    near |= b instanceof Block.FigureRef || b instanceof Block.LostFigure || b instanceof Block.Table;
                }
                if (!near) dangling.add(c.id() + ":" + blocks.get(i).line() + ": " + text(blocks.get(i)));
            }
        }
        assertTrue(dangling.isEmpty(), "a reference to a figure with no figure, table or lost figure next to it:\n" + String.join("\n", dangling));
    }

    @Test
    void noParagraphOrItemEndsOnADanglingColonOrArrow() {
        List<String> cut = new ArrayList<>();
        for (Chapter c : REPORT.allChapters()) {
            for (Block b : c.body()) collectCut(c, b, cut);
        }
        assertTrue(cut.isEmpty(), "cut-off text without a marker:\n" + String.join("\n", cut));
    }

    /** A block ending on "：" or "→" is cut off unless what follows it (a list, a table, a lost-text marker) continues it. */
    private void collectCut(Chapter c, Block b, List<String> cut) {
        if (b instanceof Block.ListBlock l) {
            for (List<Block> item : l.items()) {
                if (item.size() == 1 && text(item.get(0)).strip().matches(".*[：:→]$")) cut.add(c.id() + ":" + item.get(0).line() + ": " + text(item.get(0)));
                item.forEach(x -> collectCut(c, x, cut));
            }
        }
        if (b instanceof Block.Paragraph p && text(p).strip().endsWith("→")) cut.add(c.id() + ":" + p.line() + ": " + text(p));
        if (b instanceof Block.Callout co) {
            Block last = co.body().isEmpty() ? null : co.body().get(co.body().size() - 1);
            if (last != null && text(last).strip().endsWith("：")) cut.add(c.id() + ":" + last.line() + ": " + text(last));
        }
    }
}
