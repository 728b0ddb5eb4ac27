package ai.qbit.reports.render;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.PageText;
import ai.qbit.reports.support.PdfUa;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.StructureReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ai.qbit.reports.support.ReportPdf.squeeze;

/**
 * What a reader who listens, searches or copies gets from every PDF we write, for every report under seeds/:
 * PDF/UA-1 with no failed rule (veraPDF), each line on the page where it is seen and only there, a structure
 * tree whose headings are the outline's, links described and tied to their Link elements, and tagged text that
 * reads in the order the page shows it.
 */
class TaggedPdfTest {
    static final String IDS = "ai.qbit.reports.support.Rendered#ids";

    @ParameterizedTest
    @MethodSource(IDS)
    void everyPdfPassesPdfUa1(String id) throws Exception {
        Rendered r = Rendered.of(id);
        Map<String, List<String>> failed = new LinkedHashMap<>();
        for (Path pdf : r.pdfs()) {
            List<String> f = PdfUa.failures(pdf);
            if (!f.isEmpty()) failed.put(r.dir().relativize(pdf).toString(), f);
        }
        StringBuilder msg = new StringBuilder("PDF/UA-1 failures (veraPDF):");
        failed.forEach((file, rules) -> msg.append("\n").append(file).append(":\n  ").append(String.join("\n  ", rules)));
        assertTrue(failed.isEmpty(), msg.toString());
    }

    /**
     * Whole-page extraction finds no line that is also on the next page, except what the model repeats by
     * design: running heads (titles) and repeated table header rows.
     */
    @ParameterizedTest
    @MethodSource(IDS)
    void noLineIsOnTwoPages(String id) throws Exception {
        Rendered r = Rendered.of(id);
        Repeats repeated = repeatedByDesign(r.report());
        List<String> doubled = new ArrayList<>();
        for (Path pdf : r.pdfs()) {
            // the pack's pages are the briefs, each checked on its own; neighbours there are different briefs
            if (pdf.getFileName().toString().equals("briefs.pdf")) continue;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                List<String> pages = PageText.pages(doc, true);
                for (int i = 0; i + 1 < pages.size(); i++) {
                    Set<String> here = lines(pages.get(i));
                    for (String line : lines(pages.get(i + 1))) {
                        if (here.contains(line) && !allowed(line, repeated)) {
                            doubled.add(r.dir().relativize(pdf) + " pages " + (i + 1) + "–" + (i + 2) + ": " + line);
                        }
                    }
                }
            }
        }
        assertTrue(doubled.isEmpty(), "lines found on two neighbouring pages:\n" + String.join("\n", doubled));
    }

    private static Set<String> lines(String page) {
        Set<String> out = new HashSet<>();
        for (String l : page.split("\\R")) {
            String s = l.replaceAll("\\s+", "");
            if (s.codePointCount(0, s.length()) >= 4) out.add(s);
        }
        return out;
    }

    /** A running head (possibly two side by side), or a text the model holds more than once. */
    private static boolean allowed(String line, Repeats repeats) {
        String rest = line;
        for (String head : repeats.heads) rest = rest.replace(head, "");
        if (rest.codePointCount(0, rest.length()) < 4) return true;
        // a long table's header, repeated on each page; a header wrapped over lines reads as a subsequence of it
        for (String header : repeats.tableHeads) if (subsequence(line, header)) return true;
        int holders = 0;
        for (String text : repeats.texts) if (text.contains(line) && ++holders > 1) return true;
        return false;
    }

    private static boolean subsequence(String line, String text) {
        int at = 0;
        for (int i = 0; i < line.length() && at >= 0; i++) {
            at = text.indexOf(line.charAt(i), at);
            if (at >= 0) at++;
        }
        return at >= 0;
    }

    /** Running heads (report, part and chapter titles with their labels), and the model's texts one by one. */
    private record Repeats(List<String> heads, List<String> tableHeads, List<String> texts) {
    }

    private static Repeats repeatedByDesign(Report report) {
        Labels l = new Labels(report);
        Set<String> heads = new HashSet<>();
        List<String> texts = new ArrayList<>();
        List<String> tableHeads = new ArrayList<>();
        heads.add(squeeze(report.title()));
        heads.add(squeeze(report.lang().msg("toc.title")));
        for (Part p : report.parts()) heads.add(squeeze(l.part(p) + p.title()));
        for (Chapter c : report.allChapters()) {
            heads.add(squeeze(report.lang().msg("running.label.and.title", l.chapter(c), c.title())));
            heads.add(squeeze(c.title()));
            collect(c.body(), tableHeads, texts);
        }
        for (var d : report.datasets().values()) texts.add(squeeze(l.unit(d)));
        List<String> sorted = new ArrayList<>(heads);
        sorted.sort((a, b) -> b.length() - a.length()); // the longest first, so a title inside a head goes with it
        return new Repeats(sorted, tableHeads, texts);
    }

    private static void collect(List<Block> blocks, List<String> tableHeads, List<String> texts) {
        for (Block b : blocks) {
            if (b instanceof Block.Table t) {
                tableHeads.add(squeeze(String.join("", t.header().stream().map(Inline::plain).toList())));
                for (var row : t.rows()) texts.add(squeeze(String.join("", row.stream().map(Inline::plain).toList())));
            } else if (b instanceof Block.Paragraph p) {
                texts.add(squeeze(Inline.plain(p.text())));
            } else if (b instanceof Block.Heading h) {
                texts.add(squeeze(h.plainText()));
            } else if (b instanceof Block.ListBlock l) {
                for (List<Block> item : l.items()) collect(item, tableHeads, texts);
            } else if (b instanceof Block.Callout c) {
                texts.add(squeeze(c.title()));
                collect(c.body(), tableHeads, texts);
            } else if (b instanceof Block.QuoteBlock q) {
                for (var p : q.paragraphs()) texts.add(squeeze(Inline.plain(p)));
            }
        }
    }

    /** The structure tree's headings are the outline: each bookmark has one heading with its text on its page. */
    @ParameterizedTest
    @MethodSource(IDS)
    void structureHeadingsEqualTheOutline(String id) throws Exception {
        Rendered r = Rendered.of(id);
        try (PDDocument doc = Loader.loadPDF(r.file("report.pdf").toFile())) {
            List<StructureReader.Node> headings = StructureReader.read(doc).stream()
                    .filter(n -> n.type().matches("H[1-6]")).toList();
            assertFalse(headings.isEmpty(), "no headings in the structure tree");
            List<String[]> outline = new ArrayList<>();
            flatten(doc, doc.getDocumentCatalog().getDocumentOutline(), outline);
            int from = 0;
            List<String> missing = new ArrayList<>();
            Set<Integer> matched = new HashSet<>();
            for (String[] item : outline) {
                String title = squeeze(item[0]);
                int page = Integer.parseInt(item[1]);
                int found = -1;
                for (int i = from; i < headings.size() && found < 0; i++) {
                    StructureReader.Node h = headings.get(i);
                    String text = squeeze(h.text());
                    if (!text.isEmpty() && title.contains(text) && h.page() == page) found = i;
                }
                if (found < 0) {
                    if (page > 0 || !title.equals(squeeze(r.report().lang().msg("outline.cover")))) missing.add(item[0] + " (page " + (page + 1) + ")");
                } else {
                    matched.add(found);
                    from = found + 1;
                }
            }
            assertTrue(missing.isEmpty(), "bookmarks without their heading in the structure tree, in order:\n" + String.join("\n", missing));
            // every heading of the model is a heading element exactly as often as the model has it
            Map<String, Long> inModel = new java.util.TreeMap<>();
            for (Chapter c : r.report().allChapters()) {
                inModel.merge("H:" + squeeze(c.title()), 1L, Long::sum);
                for (Block b : c.body()) if (b instanceof Block.Heading h) inModel.merge("S:" + squeeze(h.plainText()), 1L, Long::sum);
            }
            Map<String, Long> inTree = new java.util.TreeMap<>();
            for (StructureReader.Node n : headings) {
                String t = squeeze(n.text());
                // a footnote mark after a heading is part of its text in the page, not of its title in the model
                if (!inModel.containsKey("H:" + t) && !inModel.containsKey("S:" + t)) t = t.replaceFirst("\\d+$", "");
                if (inModel.containsKey("H:" + t)) inTree.merge("H:" + t, 1L, Long::sum);
                if (inModel.containsKey("S:" + t)) inTree.merge("S:" + t, 1L, Long::sum);
            }
            List<String> off = new ArrayList<>();
            inModel.forEach((k, n) -> {
                if (!n.equals(inTree.getOrDefault(k, 0L))) off.add(k.substring(2) + ": " + n + " in the model, " + inTree.getOrDefault(k, 0L) + " in the structure tree");
            });
            assertTrue(off.isEmpty(), "headings whose count differs:\n" + String.join("\n", off));
        }
    }

    private static void flatten(PDDocument doc, PDOutlineNode node, List<String[]> out) throws IOException {
        if (node == null) return;
        for (PDOutlineItem item : node.children()) {
            int page = -1;
            if (item.getDestination() instanceof PDPageDestination d) page = doc.getPages().indexOf(d.getPage());
            out.add(new String[]{item.getTitle(), Integer.toString(page)});
            flatten(doc, item, out);
        }
    }

    /** Every link annotation says where it goes (/Contents) and belongs to a Link element (its StructParent). */
    @ParameterizedTest
    @MethodSource(IDS)
    void linksAreDescribedAndTagged(String id) throws Exception {
        Rendered r = Rendered.of(id);
        List<String> bad = new ArrayList<>();
        for (Path pdf : r.pdfs()) {
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    for (PDAnnotation a : doc.getPage(i).getAnnotations()) {
                        if (!(a instanceof PDAnnotationLink)) continue;
                        if (a.getContents() == null || a.getContents().isBlank() || a.getStructParent() < 0) {
                            bad.add(r.dir().relativize(pdf) + " page " + (i + 1) + ": " + a.getRectangle());
                        }
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), "links without description or Link element:\n" + String.join("\n", bad));
    }

    /**
     * Read in structure order, the blocks of a chapter opener, a page with a table and a page with a chart go
     * down the page, and left to right along a line (table cells of a row): the order the eye follows.
     */
    @ParameterizedTest
    @MethodSource(IDS)
    void taggedTextReadsInVisualOrder(String id) throws Exception {
        Rendered r = Rendered.of(id);
        try (PDDocument doc = Loader.loadPDF(r.file("report.pdf").toFile())) {
            List<StructureReader.Node> nodes = StructureReader.read(doc);
            int opener = firstPageWith(nodes, "H1", r.report().body().get(0).title());
            int table = firstPageWith(nodes, "Table", null);
            int chart = firstPageWith(nodes, "Figure", null);
            assertTrue(opener >= 0 && table >= 0 && chart >= 0, "pages to check: opener " + opener + ", table " + table + ", chart " + chart);
            Set<String> blocks = Set.of("P", "H1", "H2", "H3", "H4", "H5", "H6", "Lbl", "Caption", "Figure", "Formula");
            for (int page : new int[]{opener, table, chart}) {
                StructureReader.Node prev = null;
                int cellDepth = -1; // inside a table cell, the cell is what is placed; its paragraphs go with it
                for (int i = 0; i < nodes.size(); i++) {
                    StructureReader.Node n = nodes.get(i);
                    if (cellDepth >= 0 && n.depth() > cellDepth) continue;
                    cellDepth = -1;
                    boolean cell = n.type().equals("TD") || n.type().equals("TH");
                    if (cell) cellDepth = n.depth();
                    if (n.page() != page || !(cell || blocks.contains(n.type()) && isLeaf(nodes, i, blocks)) || n.text().isBlank()) continue;
                    if (prev != null) {
                        boolean sameLine = Math.abs(n.y() - prev.y()) <= 3;
                        boolean ok = sameLine ? n.x() >= prev.x() - 1 : n.y() > prev.y();
                        // a table row: its cells start on one line; the next row's first cell goes back left
                        assertTrue(ok, "page " + (page + 1) + ": \"" + clip(n.text()) + "\" (" + n.type() + " at " + n.x() + "," + n.y()
                                + ") is read after \"" + clip(prev.text()) + "\" (" + prev.type() + " at " + prev.x() + "," + prev.y() + ")");
                    }
                    prev = n;
                }
            }
        }
    }

    /** No block-level element below it (an LI's Lbl and the P of its LBody are placed, not the LI). */
    private static boolean isLeaf(List<StructureReader.Node> nodes, int i, Set<String> blocks) {
        for (int j = i + 1; j < nodes.size() && nodes.get(j).depth() > nodes.get(i).depth(); j++) {
            if (blocks.contains(nodes.get(j).type())) return false;
        }
        return true;
    }

    private static int firstPageWith(List<StructureReader.Node> nodes, String type, String text) {
        for (StructureReader.Node n : nodes) {
            if (n.type().equals(type) && n.page() >= 0 && (text == null || squeeze(n.text()).equals(squeeze(text)))) return n.page();
        }
        return -1;
    }

    private static String clip(String s) {
        s = s.strip();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
