package ai.qbit.reports.render.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import org.scilab.forge.jlatexmath.TeXIcon;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;

import java.awt.Graphics2D;
import java.awt.Point;

/**
 * A typeset formula laid out like an image but painted as vectors: JLaTeXMath draws onto OpenPDF's PdfGraphics2D
 * inside a form XObject. Its glyphs are drawn as their outlines (filled paths), so the PDF needs none of
 * JLaTeXMath's fonts, embedded or not, and a reader meets the formula through its alternative text, not as
 * loose letters in the page text.
 */
final class FormulaElement implements ITextReplacedElement {
    private final TeXIcon icon;
    /** Icon points to PDF points: below 1 when the formula is shrunk to its column. */
    private final float scale;
    private final int width;
    private final int height;
    private final Point location = new Point(0, 0);

    /** {@code width} and {@code height} in layout dots, for the icon drawn at {@code scale}. */
    FormulaElement(TeXIcon icon, float scale, int width, int height) {
        this.icon = icon;
        this.scale = scale;
        this.width = width;
        this.height = height;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice out, BlockBox box) {
        float dpp = out.getDotsPerPoint();
        float w = width / dpp, h = height / dpp;
        PdfContentByte cb = out.getCurrentPage();
        PdfTemplate template = cb.createTemplate(w, h);
        Graphics2D g = template.createGraphicsShapes(w, h);
        try {
            g.scale(scale, scale);
            icon.paintIcon(null, g, 0, 0);
        } finally {
            g.dispose();
        }
        // Flying Saucer measures from the top-left of the page area; PDF from the bottom-left of the page
        PageBox page = c.getPage();
        java.awt.Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
        float x = (content.x + page.getMarginBorderPadding(c, CalculatedStyle.Edge.LEFT)) / dpp;
        float y = (page.getBottom() - (content.y + height) + page.getMarginBorderPadding(c, CalculatedStyle.Edge.BOTTOM)) / dpp;
        cb.addTemplate(template, x, y);
    }

    @Override
    public int getIntrinsicWidth() {
        return width;
    }

    @Override
    public int getIntrinsicHeight() {
        return height;
    }

    @Override
    public Point getLocation() {
        return location;
    }

    @Override
    public void setLocation(int x, int y) {
        location.setLocation(x, y);
    }

    @Override
    public void detach(LayoutContext c) {
    }

    @Override
    public boolean isRequiresInteractivePaint() {
        return false;
    }

    @Override
    public boolean hasBaseline() {
        return false;
    }

    @Override
    public int getBaseline() {
        return 0;
    }
}
