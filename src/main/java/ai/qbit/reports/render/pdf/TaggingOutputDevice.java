package ai.qbit.reports.render.pdf;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.RenderingContext;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Flying Saucer's PDF output device, taught two things while it paints:
 * <ul>
 *   <li>each piece of real content (a run of text, a chart, a formula) is wrapped in a marked-content sequence
 *   with an MCID, recorded with the DOM node it shows, so the structure tree can be built after layout;
 *   running headers, footers and decoration stay unmarked and become artifacts;</li>
 *   <li>nothing is painted where it cannot be seen. Flying Saucer paints the whole layer on every page and lets
 *   the page's clip hide what belongs to the neighbours, so a line of the next page sat, invisible but
 *   extractable, in the bottom margin. Text whose baseline is outside the clip, and boxes wholly outside it
 *   (with their links), are skipped.</li>
 * </ul>
 */
final class TaggingOutputDevice extends ITextOutputDevice {
    private final MarkedContent marks;
    private final StructureTypes types;
    private int page = -1;
    private final java.util.List<java.awt.Font> fonts;
    private Set<Integer> sharedGlyphs;
    private int open;

    /** @param fonts the theme's fonts, to find glyphs that stand for two characters */
    TaggingOutputDevice(float dotsPerPoint, MarkedContent marks, StructureTypes types, java.util.List<java.awt.Font> fonts) {
        super(dotsPerPoint);
        this.fonts = fonts;
        this.marks = marks;
        this.types = types;
    }

    @Override
    public void initializePage(com.lowagie.text.pdf.PdfContentByte currentPage, float height) {
        super.initializePage(currentPage, height);
        page++;
    }

    @Override
    public void drawText(RenderingContext c, InlineText text) {
        InlineLayoutBox box = text.getParent();
        if (box.isContainedInMarginBox() || open > 0) {
            super.drawText(c, text);
            return;
        }
        if (!baselineVisible(box.getAbsY() + box.getBaseline())) return;
        Node node = text.getTextNode() != null ? text.getTextNode() : elementOf(box);
        Element owner = node instanceof Element e ? e : node == null ? null : (Element) node.getParentNode();
        if (owner == null || types.isArtifact(owner)) {
            super.drawText(c, text);
            return;
        }
        begin(types.markTag(node), node, actualText(text.getSubstring()));
        try {
            super.drawText(c, text);
        } finally {
            end();
        }
    }

    /**
     * The run's own text when a glyph in it also stands for another character of the document: a CID font's
     * ToUnicode maps each glyph to one character, so "•" drawn with the glyph of "·" would copy as "·".
     */
    private String actualText(String s) {
        if (s == null || s.isEmpty()) return null;
        if (sharedGlyphs == null) sharedGlyphs = sharedGlyphChars();
        return s.codePoints().anyMatch(sharedGlyphs::contains) ? s : null;
    }

    /** The document's characters that share their glyph with another of its characters, in any theme font. */
    private Set<Integer> sharedGlyphChars() {
        Set<Integer> documentChars = new HashSet<>();
        marks.dom().getDocumentElement().getTextContent().codePoints().forEach(documentChars::add);
        Set<Integer> out = new HashSet<>();
        for (java.awt.Font font : fonts) {
            Map<Integer, Set<Integer>> byGlyph = new HashMap<>();
            for (int cp : documentChars) {
                int glyph = GlyphIds.of(font, cp);
                if (glyph > 0) byGlyph.computeIfAbsent(glyph, k -> new HashSet<>()).add(cp);
            }
            for (Set<Integer> cps : byGlyph.values()) if (cps.size() > 1) out.addAll(cps);
        }
        return out;
    }

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        boolean margin = box.isContainedInMarginBox();
        if (!margin && !boxVisible(box.getPaintingBorderEdge(c))) return;
        Element e = box.getElement();
        if (margin || e == null || types.isArtifact(e) || open > 0) {
            super.paintReplacedElement(c, box);
            return;
        }
        begin(types.markTag(e), e);
        try {
            super.paintReplacedElement(c, box);
        } finally {
            end();
        }
    }

    @Override
    public void paintBackground(RenderingContext c, Box box) {
        if (box.isContainedInMarginBox()) {
            super.paintBackground(c, box);
            return;
        }
        Rectangle edge = box.getPaintingBorderEdge(c);
        // a piece of a line goes with its line: on the page that holds its middle (a block may span pages)
        if (box instanceof InlineLayoutBox ? !baselineVisible(edge.y + edge.height / 2f) : !boxVisible(edge)) return;
        Element e = box.getElement();
        if (e != null && "a".equals(e.getLocalName()) && e.hasAttribute("href")) {
            // a link block split over pages gets its annotation where its words are, not on the sliver left behind
            if (box instanceof BlockBox && !hasVisibleLine(box)) return;
            com.lowagie.text.Rectangle r = createLocalTargetArea(c, box);
            marks.link(new MarkedContent.LinkArea(page, e, r.getLeft(), r.getBottom(), r.getRight(), r.getTop()));
        }
        super.paintBackground(c, box);
    }

    private void begin(String tag, Node node) {
        begin(tag, node, null);
    }

    private void begin(String tag, Node node, String actualText) {
        int mcid = marks.add(page, node);
        PdfDictionary props = new PdfDictionary();
        props.put(PdfName.MCID, new PdfNumber(mcid));
        if (actualText != null) props.put(PdfName.ACTUALTEXT, new PdfString(actualText, PdfObject.TEXT_UNICODE));
        getCurrentPage().beginMarkedContentSequence(new PdfName(tag), props, true);
        open++;
    }

    private void end() {
        open--;
        getCurrentPage().endMarkedContentSequence();
    }

    /** A line belongs to the page whose clip holds its baseline. */
    private boolean baselineVisible(float baseline) {
        Shape clip = getClip();
        if (clip == null) return true;
        Rectangle2D b = clip.getBounds2D();
        return baseline >= b.getMinY() && baseline <= b.getMaxY();
    }

    private boolean boxVisible(Rectangle edge) {
        Shape clip = getClip();
        return clip == null || edge.isEmpty() || clip.intersects(edge.x, edge.y, Math.max(1, edge.width), Math.max(1, edge.height));
    }

    private boolean hasVisibleLine(Box box) {
        for (Box child : box.getChildren()) {
            if (child instanceof LineBox line ? baselineVisible(line.getAbsY() + line.getBaseline()) : hasVisibleLine(child)) return true;
        }
        return false;
    }

    private static Element elementOf(Box box) {
        for (Box b = box; b != null; b = b.getParent()) {
            if (b.getElement() != null) return b.getElement();
        }
        return null;
    }
}
