package ai.qbit.reports.render;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.cli.Generate;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Value;
import ai.qbit.reports.support.Rendered;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every value label of every bar and line chart of every report under seeds/, drawn at the size the PDF gives it
 * (text width × preferred height), lies inside the plot's data area, where JFreeChart clips it: a negative bar's
 * label below or left of it, a long label right of a horizontal bar. Stacked bars (labels inside), log axes and
 * pies are left out.
 */
class ChartLabelsTest {
    static List<String> reports() {
        return Rendered.ids();
    }

    @ParameterizedTest
    @MethodSource("reports")
    void valueLabelsLieInsideThePlot(String id) {
        Report report = new Generate(Rendered.ROOT, new PrintStream(new ByteArrayOutputStream())).load(id);
        ChartFactory charts = new ChartFactory(report.theme(), report.lang());
        double width = report.theme().page().textWidthPt();
        List<String> clipped = new ArrayList<>();
        int checked = 0;
        for (Dataset d : report.datasets().values()) {
            if (d.chart().isPieLike() || d.logScale()) continue;
            double height = charts.preferredHeight(d, (float) width);
            JFreeChart chart = charts.create(d, width, height);
            CategoryPlot plot = (CategoryPlot) chart.getPlot();
            if (plot.getRenderer() instanceof StackedBarRenderer) continue;
            BufferedImage img = new BufferedImage((int) width, (int) height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
            Rectangle2D area = info.getPlotInfo().getDataArea();
            g.setFont(plot.getRenderer().getDefaultItemLabelFont());
            ValueAxis axis = plot.getRangeAxis();
            boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
            RectangleEdge edge = horizontal ? RectangleEdge.BOTTOM : RectangleEdge.LEFT;
            for (Dataset.Series s : d.series()) {
                for (int c = 0; c < d.categories().size(); c++) {
                    Optional<Value> ov = s.values().get(c);
                    if (ov.isEmpty()) continue;
                    Value v = ov.get();
                    boolean negative = v.low() < 0 && v.high() <= 0;
                    double end = axis.valueToJava2D(negative ? v.low() : v.high(), area, edge);
                    double off = 3; // the renderer's item label anchor offset
                    Rectangle2D b = horizontal
                            ? TextUtils.calcAlignedStringBounds(v.raw(), g, (float) (negative ? end - off : end + off), (float) area.getCenterY(),
                                    negative ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                            : TextUtils.calcAlignedStringBounds(v.raw(), g, (float) area.getCenterX(), (float) (negative ? end + off : end - off),
                                    negative ? TextAnchor.TOP_CENTER : TextAnchor.BOTTOM_CENTER);
                    boolean inside = horizontal ? b.getMinX() >= area.getMinX() - 0.5 && b.getMaxX() <= area.getMaxX() + 0.5
                            : b.getMinY() >= area.getMinY() - 0.5 && b.getMaxY() <= area.getMaxY() + 0.5;
                    checked++;
                    if (!inside) clipped.add(d.id() + ": \"" + v.raw() + "\" label " + b + " outside the plot " + area);
                }
            }
            g.dispose();
        }
        assertTrue(checked > 0, id + ": no value labels checked");
        assertTrue(clipped.isEmpty(), id + ": clipped value labels:\n" + String.join("\n", clipped));
    }
}
