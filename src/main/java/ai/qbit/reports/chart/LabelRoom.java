package ai.qbit.reports.chart;

import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Value;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Optional;

/**
 * Ranges a bar or line chart's value axis so its value labels fit inside the plot. A label sits beyond the end of
 * its bar (above or right of a positive value, below or left of a negative one); a fixed axis margin of the data
 * range clipped "-19%" under the category labels and long labels at the right edge. The room each side needs is
 * measured (label height, or label width for horizontal bars) and turned into a share of the estimated plot length.
 * Stacked bars carry their labels inside and keep the automatic range; so do log axes, which have no negatives.
 */
final class LabelRoom {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** The largest share of the plot the labels may take, so a tiny chart still shows its bars. */
    private static final double MAX_SHARE = 0.6;

    private final Dataset d;
    private final ThemeFonts fonts;

    LabelRoom(Dataset d, ThemeFonts fonts) {
        this.d = d;
        this.fonts = fonts;
    }

    void fit(CategoryPlot plot, JFreeChart chart, double widthPt, double heightPt) {
        CategoryItemRenderer r = plot.getRenderer();
        if (!(plot.getRangeAxis() instanceof NumberAxis axis) || r instanceof StackedBarRenderer || d.logScale()) return;
        double lo = 0, hi = 0;
        double posLabel = 0, negLabel = 0; // the widest label on each side, in points
        Font font = r.getDefaultItemLabelFont();
        boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
        for (Dataset.Series s : d.series()) {
            for (Optional<Value> ov : s.values()) {
                if (ov.isEmpty()) continue;
                Value v = ov.get();
                lo = Math.min(lo, v.low());
                hi = Math.max(hi, v.high());
                double extent = horizontal ? width(v.raw(), font) : height(v.raw(), font);
                if (v.high() > 0 || v.low() >= 0) posLabel = Math.max(posLabel, extent);
                if (v.low() < 0) negLabel = Math.max(negLabel, extent);
            }
        }
        if (hi <= lo) return;
        double offset = 3 + 3; // the label's anchor offset and a little air
        double plotLength = horizontal ? widthPt - 10 - categoryLabelWidth() - 8 : heightPt - 6 - chrome(chart) - categoryLabelHeight(plot);
        if (plotLength <= 0) return;
        double up = posLabel > 0 ? (posLabel + offset) / plotLength : 0;
        double down = negLabel > 0 ? (negLabel + offset) / plotLength : 0;
        if (up + down > MAX_SHARE) {
            double k = MAX_SHARE / (up + down);
            up *= k;
            down *= k;
        }
        double total = (hi - lo) / (1 - up - down);
        axis.setAutoRangeIncludesZero(true);
        axis.setRange(lo - down * total, hi + up * total);
    }

    /** The unit line and the legend above the plot. */
    private double chrome(JFreeChart chart) {
        double h = 4 + 2; // the chart's padding
        h += 14 * chart.getSubtitleCount(); // each a line of 7.5-8 pt type
        return h;
    }

    private double categoryLabelWidth() {
        Font f = fonts.regular(8.5f);
        return d.categories().stream().mapToDouble(c -> width(c, f)).max().orElse(0);
    }

    /** Category labels under a vertical plot: up to three lines, or slanted when there are many. */
    private double categoryLabelHeight(CategoryPlot plot) {
        double line = 8.5 * 1.35;
        if (plot.getDomainAxis().getCategoryLabelPositions() == CategoryLabelPositions.UP_45) {
            return categoryLabelWidth() * Math.sqrt(0.5) + line + 4;
        }
        return 3 * line + 4;
    }

    /** The label's height as JFreeChart sets it: the font's ascent and descent (large for CJK fonts). */
    private static double height(String s, Font f) {
        var m = f.getLineMetrics(s, FRC);
        return m.getAscent() + m.getDescent();
    }

    private static double width(String s, Font f) {
        return f.getStringBounds(s, FRC).getWidth();
    }
}
