package ai.qbit.reports.render.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
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
 * A replaced element laid out like an image of a fixed size but painted as vectors: a subclass draws through
 * OpenPDF's PdfGraphics2D into a form XObject, which is placed where Flying Saucer laid the box out.
 */
abstract class FormElement implements ITextReplacedElement {
    private final int width;
    private final int height;
    private final Point location = new Point(0, 0);

    /** {@code width} and {@code height} in layout dots. */
    FormElement(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A Graphics2D on the form, {@code w} × {@code h} points, origin at its top-left. */
    abstract Graphics2D graphics(PdfTemplate form, float w, float h);

    /** Draws the element into the form's {@code w} × {@code h} points. */
    abstract void draw(Graphics2D g, float w, float h);

    @Override
    public final void paint(RenderingContext c, ITextOutputDevice out, BlockBox box) {
        float dpp = out.getDotsPerPoint();
        float w = width / dpp, h = height / dpp;
        PdfContentByte cb = out.getCurrentPage();
        PdfTemplate template = cb.createTemplate(w, h);
        Graphics2D g = graphics(template, w, h);
        try {
            draw(g, w, h);
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
