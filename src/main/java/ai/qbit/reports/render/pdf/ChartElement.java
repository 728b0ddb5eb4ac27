package ai.qbit.reports.render.pdf;

import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfTemplate;
import org.jfree.chart.JFreeChart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.function.BiFunction;

/**
 * A chart painted as vectors: JFreeChart draws onto OpenPDF's PdfGraphics2D with the theme's fonts, so text
 * stays text (searchable, sharp at any zoom) and the PDF stays small.
 */
final class ChartElement extends FormElement {
    /** The chart for the box it is drawn in (its value axis leaves room for the labels at that size). */
    private final BiFunction<Double, Double, JFreeChart> chart;
    private final FontMapper fonts;

    ChartElement(BiFunction<Double, Double, JFreeChart> chart, FontMapper fonts, int width, int height) {
        super(width, height);
        this.chart = chart;
        this.fonts = fonts;
    }

    @Override
    Graphics2D graphics(PdfTemplate form, float w, float h) {
        return form.createGraphics(w, h, fonts);
    }

    @Override
    void draw(Graphics2D g, float w, float h) {
        chart.apply((double) w, (double) h).draw(g, new Rectangle2D.Double(0, 0, w, h));
    }
}
