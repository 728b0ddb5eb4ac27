package ai.qbit.reports.chart;

import ai.qbit.reports.model.ChartType;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Theme;
import ai.qbit.reports.model.Value;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.RingPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Optional;

/**
 * Turns a dataset into a JFreeChart styled from the theme. Data labels show each value as the source
 * states it (超2600万), so a qualifier is never lost between text and chart. Titles are not drawn: the
 * caption around the chart carries them.
 */
public final class ChartFactory {
    private final Theme theme;
    private final ThemeFonts fonts;
    private final ai.qbit.reports.lang.LanguagePack lang;

    /** @param lang the report's language pack: the unit line over a chart is one of its messages */
    public ChartFactory(Theme theme, ai.qbit.reports.lang.LanguagePack lang) {
        this.theme = theme;
        this.fonts = new ThemeFonts(theme);
        this.lang = lang;
    }

    public ThemeFonts fonts() {
        return fonts;
    }

    /** The height a chart needs at {@code width} points, so long category lists are not squeezed. */
    public float preferredHeight(Dataset d, float width) {
        int n = d.categories().size();
        return switch (d.chart()) {
            case HBAR, RANGE -> Math.max(140, 44 + n * Math.max(18, 11 * d.series().size() + 8));
            case PIE, DONUT -> Math.min(width * 0.5f, 220);
            default -> Math.min(width * 0.56f, 250);
        };
    }

    /**
     * The chart for a {@code widthPt} × {@code heightPt} box: as {@link #create(Dataset)}, with the value axis
     * ranged so every value label (negative ones below or left of their bar included) lies inside the plot.
     */
    public JFreeChart create(Dataset d, double widthPt, double heightPt) {
        JFreeChart chart = create(d);
        if (chart.getPlot() instanceof CategoryPlot plot) new LabelRoom(d, fonts).fit(plot, chart, widthPt, heightPt);
        return chart;
    }

    public JFreeChart create(Dataset d) {
        JFreeChart chart = switch (d.chart()) {
            case PIE, DONUT -> pie(d);
            case LINE -> category(d, PlotOrientation.VERTICAL, line());
            case HBAR -> category(d, PlotOrientation.HORIZONTAL, bars(d));
            case RANGE -> category(d, PlotOrientation.HORIZONTAL, bars(d));
            case STACKED_BAR -> category(d, PlotOrientation.VERTICAL, stacked());
            case BAR, GROUPED_BAR -> category(d, PlotOrientation.VERTICAL, bars(d));
        };
        chart.setBackgroundPaint(color(theme.paper()));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 2, 2, 6));
        if (chart.getLegend() != null) styleLegend(chart.getLegend(), d);
        if (!d.unit().isEmpty() && !d.chart().isPieLike()) {
            TextTitle unit = new TextTitle(lang.msg("unit.label", d.unit()), fonts.regular(7.5f));
            unit.setPaint(color(theme.muted()));
            unit.setPosition(RectangleEdge.TOP);
            unit.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
            chart.addSubtitle(unit);
        }
        return chart;
    }

    private JFreeChart category(Dataset d, PlotOrientation orientation, BarOrLine renderer) {
        boolean intervals = renderer.renderer instanceof IntervalBarRenderer;
        org.jfree.data.category.CategoryDataset data = intervals ? intervalData(d) : pointData(d);
        CategoryAxis domain = new CategoryAxis();
        domain.setTickLabelFont(fonts.regular(8.5f));
        domain.setTickLabelPaint(color(theme.ink()));
        domain.setAxisLinePaint(color(theme.rule()));
        domain.setTickMarksVisible(false);
        domain.setMaximumCategoryLabelLines(3);
        domain.setCategoryMargin(d.series().size() > 1 ? 0.25 : 0.3);
        domain.setLowerMargin(0.03);
        domain.setUpperMargin(0.03);
        if (orientation == PlotOrientation.VERTICAL && d.categories().size() > 7) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        ValueAxis range = valueAxis(d);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer.renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(color(theme.paper()));
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(color(theme.rule()));
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
        labelWithRawValues(renderer.renderer, d, orientation);
        JFreeChart chart = new JFreeChart(null, fonts.regular(10), plot, d.series().size() > 1);
        return chart;
    }

    private ValueAxis valueAxis(Dataset d) {
        double max = maxValue(d);
        if (d.logScale()) {
            LogAxis log = new LogAxis();
            log.setBase(10);
            log.setSmallestValue(Math.max(1e-9, minPositive(d) / 2));
            log.setNumberFormatOverride(ValueFormat.axis());
            log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0)); // one tick per decade, no 3,162.28
            log.setAutoTickUnitSelection(false);
            log.setMinorTickCount(0);
            log.setTickLabelFont(fonts.regular(7.5f));
            log.setTickLabelPaint(color(theme.muted()));
            log.setAxisLineVisible(false);
            log.setUpperMargin(0.25); // room for the value labels
            return log;
        }
        NumberAxis axis = new NumberAxis();
        axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        axis.setNumberFormatOverride(ValueFormat.axis());
        axis.setTickLabelFont(fonts.regular(7.5f));
        axis.setTickLabelPaint(color(theme.muted()));
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        axis.setUpperMargin(0.18); // room for the value labels (create(d, w, h) measures it)
        if (d.series().stream().flatMap(s -> s.values().stream()).flatMap(Optional::stream).anyMatch(v -> v.low() < 0)) {
            axis.setLowerMargin(0.18); // and for the labels below negative bars
        }
        axis.setAutoRangeIncludesZero(true); // bars are read from zero, negative values included
        if (max <= 0) axis.setRange(0, 1);
        return axis;
    }

    private record BarOrLine(org.jfree.chart.renderer.category.AbstractCategoryItemRenderer renderer) {
    }

    private BarOrLine bars(Dataset d) {
        boolean anyRange = d.chart() == ChartType.RANGE || d.series().stream()
                .flatMap(s -> s.values().stream()).flatMap(Optional::stream).anyMatch(Value::isRange);
        BarRenderer r = anyRange ? new IntervalBarRenderer() : new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setItemMargin(0.06);
        r.setMaximumBarWidth(d.chart() == ChartType.HBAR || d.chart() == ChartType.RANGE ? 0.7 : 0.12);
        if (d.logScale()) r.setBase(Math.max(1e-9, minPositive(d) / 2));
        return new BarOrLine(r);
    }

    private BarOrLine stacked() {
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.12);
        return new BarOrLine(r);
    }

    private BarOrLine line() {
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < theme.series().size(); i++) {
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        return new BarOrLine(r);
    }

    private void paintSeries(org.jfree.chart.renderer.category.AbstractCategoryItemRenderer r, Dataset d) {
        for (int i = 0; i < d.series().size(); i++) r.setSeriesPaint(i, seriesColor(i));
    }

    private void labelWithRawValues(org.jfree.chart.renderer.category.AbstractCategoryItemRenderer r, Dataset d, PlotOrientation o) {
        paintSeries(r, d);
        r.setDefaultItemLabelGenerator(new RawValueLabels(d));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(fonts.regular(d.categories().size() * d.series().size() > 14 ? 6.5f : 7.5f));
        r.setDefaultItemLabelPaint(color(theme.ink()));
        boolean inside = r instanceof StackedBarRenderer;
        if (inside) {
            // on the bar itself: on_primary or ink, whichever reads better on each series (the theme checks it reaches 4.5:1)
            for (int i = 0; i < d.series().size(); i++) r.setSeriesItemLabelPaint(i, color(labelOn(i)));
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        } else if (o == PlotOrientation.HORIZONTAL) {
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        } else {
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
            r.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE6, TextAnchor.TOP_CENTER));
        }
        if (r instanceof BarRenderer br) br.setItemLabelAnchorOffset(3);
    }

    private JFreeChart pie(Dataset d) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        Dataset.Series s = d.series().get(0);
        for (int i = 0; i < d.categories().size(); i++) {
            Optional<Value> v = s.values().get(i);
            if (v.isPresent()) data.setValue(d.categories().get(i), v.get().mid());
        }
        PiePlot plot = d.chart() == ChartType.DONUT ? new RingPlot(data) : new PiePlot(data);
        if (plot instanceof RingPlot ring) {
            ring.setSectionDepth(0.42);
            ring.setSeparatorsVisible(false);
        }
        for (int i = 0; i < d.categories().size(); i++) plot.setSectionPaint(d.categories().get(i), seriesColor(i));
        plot.setBackgroundPaint(color(theme.paper()));
        plot.setOutlineVisible(false);
        plot.setShadowPaint(null);
        plot.setDefaultSectionOutlinePaint(color(theme.paper()));
        plot.setDefaultSectionOutlineStroke(new BasicStroke(1.2f));
        plot.setLabelFont(fonts.regular(8));
        plot.setLabelPaint(color(theme.ink()));
        plot.setLabelBackgroundPaint(null);
        plot.setLabelOutlinePaint(null);
        plot.setLabelShadowPaint(null);
        plot.setLabelLinkPaint(color(theme.muted()));
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} {1}") {
            @Override
            public String generateSectionLabel(org.jfree.data.general.PieDataset dataset, Comparable key) {
                int i = d.categories().indexOf(key.toString());
                return key + " " + s.values().get(i).map(Value::raw).orElse("");
            }
        });
        plot.setInteriorGap(0.04);
        return new JFreeChart(null, fonts.regular(10), plot, true);
    }

    private DefaultCategoryDataset pointData(Dataset d) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dataset.Series s : d.series()) {
            for (int i = 0; i < d.categories().size(); i++) {
                Optional<Value> v = s.values().get(i);
                data.addValue(v.map(Value::mid).orElse(null), s.name(), d.categories().get(i));
            }
        }
        return data;
    }

    /** Points become bars from the axis base; ranges float from low to high. */
    private DefaultIntervalCategoryDataset intervalData(Dataset d) {
        int ns = d.series().size(), nc = d.categories().size();
        Number[][] starts = new Number[ns][nc];
        Number[][] ends = new Number[ns][nc];
        double base = d.logScale() ? Math.max(1e-9, minPositive(d) / 2) : 0;
        for (int s = 0; s < ns; s++) {
            for (int c = 0; c < nc; c++) {
                Optional<Value> v = d.series().get(s).values().get(c);
                starts[s][c] = v.map(x -> x.isRange() ? x.low() : base).orElse(null);
                ends[s][c] = v.map(Value::high).orElse(null);
            }
        }
        Comparable<?>[] seriesKeys = d.series().stream().map(Dataset.Series::name).toArray(Comparable[]::new);
        Comparable<?>[] categoryKeys = d.categories().toArray(Comparable[]::new);
        return new DefaultIntervalCategoryDataset(seriesKeys, categoryKeys, starts, ends);
    }

    private void styleLegend(LegendTitle legend, Dataset d) {
        legend.setItemFont(fonts.regular(8));
        legend.setItemPaint(color(theme.ink()));
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setBackgroundPaint(color(theme.paper()));
        legend.setPosition(d.chart().isPieLike() ? RectangleEdge.RIGHT : RectangleEdge.TOP);
        legend.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
    }

    private static double maxValue(Dataset d) {
        return d.series().stream().flatMap(s -> s.values().stream()).flatMap(Optional::stream)
                .mapToDouble(Value::high).max().orElse(0);
    }

    private static double minPositive(Dataset d) {
        return d.series().stream().flatMap(s -> s.values().stream()).flatMap(Optional::stream)
                .mapToDouble(Value::low).filter(x -> x > 0).min().orElse(1);
    }

    public Color seriesColor(int i) {
        List<String> s = theme.series();
        return color(s.get(i % s.size()));
    }

    /** The colour of a value printed inside a bar of series {@code i}. */
    String labelOn(int i) {
        List<String> s = theme.series();
        return Theme.mostLegibleOn(s.get(i % s.size()), theme.onPrimary(), theme.ink());
    }

    public static Color color(String hex) {
        return Color.decode(hex);
    }
}
