package ai.qbit.reports.load;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Part;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** In-document links ({@code [see](#architecture)}) must land somewhere: a part, a chapter, a section, figure or table. */
final class Anchors {
    private Anchors() {
    }

    static void check(List<Chapter> chapters, List<Part> parts, Problems problems) {
        Set<String> anchors = new HashSet<>();
        for (Part p : parts) if (!p.id().isEmpty()) anchors.add(p.id());
        for (Chapter c : chapters) {
            anchors.add(c.id());
            collect(c.body(), anchors);
        }
        for (Chapter c : chapters) links(c.body(), c, anchors, problems);
    }

    private static void collect(List<Block> blocks, Set<String> anchors) {
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) anchors.add(h.anchor());
            else if (b instanceof Block.Table t) anchors.add(t.anchor());
            else if (b instanceof Block.FigureRef f) anchors.add(f.anchor());
            else if (b instanceof Block.ListBlock l) l.items().forEach(item -> collect(item, anchors));
            else if (b instanceof Block.Callout co) collect(co.body(), anchors);
        }
    }

    private static void links(List<Block> blocks, Chapter c, Set<String> anchors, Problems problems) {
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) inlines(h.text(), b, c, anchors, problems);
            else if (b instanceof Block.Paragraph p) inlines(p.text(), b, c, anchors, problems);
            else if (b instanceof Block.Footnote f) inlines(f.text(), b, c, anchors, problems);
            else if (b instanceof Block.QuoteBlock q) q.paragraphs().forEach(p -> inlines(p, b, c, anchors, problems));
            else if (b instanceof Block.Table t) {
                t.header().forEach(cell -> inlines(cell, b, c, anchors, problems));
                t.rows().forEach(row -> row.forEach(cell -> inlines(cell, b, c, anchors, problems)));
            } else if (b instanceof Block.ListBlock l) l.items().forEach(item -> links(item, c, anchors, problems));
            else if (b instanceof Block.Callout co) links(co.body(), c, anchors, problems);
        }
    }

    private static void inlines(List<Inline> runs, Block at, Chapter c, Set<String> anchors, Problems problems) {
        for (Inline in : runs) {
            if (in instanceof Inline.Link l) {
                if (l.href().startsWith("#") && !anchors.contains(l.href().substring(1))) {
                    problems.add(c.file().file(), at.line(), 0, "", "link to \"" + YNode.abbreviate(l.href())
                            + "\": no part, chapter, section, figure or table has that id (chapter ids are listed in report.yaml)");
                }
                inlines(l.children(), at, c, anchors, problems);
            } else if (in instanceof Inline.Strong s) inlines(s.children(), at, c, anchors, problems);
            else if (in instanceof Inline.Emphasis e) inlines(e.children(), at, c, anchors, problems);
        }
    }
}
