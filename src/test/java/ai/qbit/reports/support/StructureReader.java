package ai.qbit.reports.support;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tagged PDF's structure tree read back with PDFBox, the way assistive technology walks it: every element in
 * tree order with its type, depth, alternative text, and the text of the marked content it owns (resolved through
 * the pages' MCIDs), with the page and position where that text starts.
 */
public final class StructureReader {
    /** One structure element. {@code text}: all text of its subtree in tree order; {@code page}: -1 when it owns none. */
    public record Node(String type, int depth, String alt, String text, int page, float x, float y) {
    }

    private record Piece(String text, float x, float y) {
    }

    private final PDDocument doc;
    private final Map<PDPage, Integer> pageIndex = new HashMap<>();
    private final Map<Integer, Map<Integer, Piece>> pieces = new HashMap<>();
    private final List<Node> nodes = new ArrayList<>();

    private StructureReader(PDDocument doc) throws IOException {
        this.doc = doc;
        for (int i = 0; i < doc.getNumberOfPages(); i++) pageIndex.put(doc.getPage(i), i);
    }

    /** Every element of the tree in order; empty when the file is not tagged. */
    public static List<Node> read(PDDocument doc) throws IOException {
        StructureReader r = new StructureReader(doc);
        PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) return List.of();
        for (Object kid : root.getKids()) if (kid instanceof PDStructureElement e) r.walk(e, 0);
        return r.nodes;
    }

    private record Owned(StringBuilder text, int[] page, float[] pos) {
    }

    private Owned walk(PDStructureElement e, int depth) throws IOException {
        int at = nodes.size();
        nodes.add(null);
        Owned owned = new Owned(new StringBuilder(), new int[]{-1}, new float[2]);
        for (Object kid : e.getKids()) {
            if (kid instanceof PDStructureElement child) {
                Owned c = walk(child, depth + 1);
                owned.text.append(c.text);
                if (owned.page[0] < 0 && c.page[0] >= 0) {
                    owned.page[0] = c.page[0];
                    owned.pos[0] = c.pos[0];
                    owned.pos[1] = c.pos[1];
                }
            } else {
                PDPage page = null;
                Integer mcid = null;
                if (kid instanceof PDMarkedContentReference mcr) {
                    page = mcr.getPage() != null ? mcr.getPage() : e.getPage();
                    mcid = mcr.getMCID();
                } else if (kid instanceof Integer i) {
                    page = e.getPage();
                    mcid = i;
                }
                if (page == null || mcid == null) continue;
                int p = pageIndex.getOrDefault(page, -1);
                Piece piece = pieces(p).get(mcid);
                if (piece == null) continue;
                owned.text.append(piece.text);
                if (owned.page[0] < 0 && !piece.text.isBlank()) {
                    owned.page[0] = p;
                    owned.pos[0] = piece.x;
                    owned.pos[1] = piece.y;
                }
            }
        }
        nodes.set(at, new Node(e.getStructureType(), depth, e.getAlternateDescription(), owned.text.toString(),
                owned.page[0], owned.pos[0], owned.pos[1]));
        return owned;
    }

    /** The text of each MCID on a page and the position of its first glyph (top-left origin). */
    private Map<Integer, Piece> pieces(int page) throws IOException {
        if (page < 0) return Map.of();
        Map<Integer, Piece> known = pieces.get(page);
        if (known != null) return known;
        PDFMarkedContentExtractor x = new PDFMarkedContentExtractor();
        x.processPage(doc.getPage(page));
        Map<Integer, Piece> out = new HashMap<>();
        for (PDMarkedContent mc : x.getMarkedContents()) collect(mc, out);
        pieces.put(page, out);
        return out;
    }

    private static void collect(PDMarkedContent mc, Map<Integer, Piece> out) {
        StringBuilder sb = new StringBuilder();
        float x = Float.NaN, y = Float.NaN;
        for (Object o : mc.getContents()) {
            if (o instanceof TextPosition t) {
                if (Float.isNaN(x) && !t.getUnicode().isBlank()) {
                    x = t.getXDirAdj();
                    y = t.getYDirAdj() - t.getHeightDir();
                }
                sb.append(t.getUnicode());
            } else if (o instanceof PDMarkedContent inner) {
                collect(inner, out);
            }
        }
        // ActualText replaces the glyphs' own mapping, as assistive technology reads it
        String text = mc.getActualText() != null ? mc.getActualText() : sb.toString();
        if (mc.getMCID() >= 0) out.put(mc.getMCID(), new Piece(text, Float.isNaN(x) ? 0 : x, Float.isNaN(y) ? 0 : y));
    }
}
