package ai.qbit.reports.render.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.FontMapper;
import org.jfree.chart.JFreeChart;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.geom.Rectangle2D;

/**
 * A chart laid out like an image but painted as vectors: JFreeChart draws onto OpenPDF's PdfGraphics2D
 * inside a form XObject, so text stays text (searchable, sharp at any zoom) and the PDF stays small.
 */
final class ChartElement implements ITextReplacedElement {
    /** The chart for the box it is drawn in (its value axis leaves room for the labels at that size). */
    private final java.util.function.BiFunction<Double, Double, JFreeChart> chart;
    private final FontMapper fonts;
    private final int width;
    private final int height;
    private final Point location = new Point(0, 0);

    ChartElement(java.util.function.BiFunction<Double, Double, JFreeChart> chart, FontMapper fonts, int width, int height) {
        this.chart = chart;
        this.fonts = fonts;
        this.width = width;
        this.height = height;
    }

    @Override
    public void paint(RenderingContext c, ITextOutputDevice out, BlockBox box) {
        float dpp = out.getDotsPerPoint();
        float w = width / dpp, h = height / dpp;
        PdfContentByte cb = out.getCurrentPage();
        PdfTemplate template = cb.createTemplate(w, h);
        Graphics2D g = template.createGraphics(w, h, fonts);
        try {
            chart.apply((double) w, (double) h).draw(g, new Rectangle2D.Double(0, 0, w, h));
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
