package ai.qbit.reports.render.deck;

import ai.qbit.reports.model.ChartType;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Value;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFDoughnutChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xddf.usermodel.PresetColor;
import org.apache.poi.xddf.usermodel.SchemeColor;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Optional;

/**
 * A native PowerPoint chart (DrawingML chart part + embedded workbook) for a dataset, so "Edit Data"
 * opens the numbers and a theme change restyles the bars. Series take the theme's accent colours.
 * A range (140-200万) is plotted at its middle; its category label keeps the stated range.
 */
final class NativeChart {
    private static final SchemeColor[] ACCENTS = {SchemeColor.ACCENT_1, SchemeColor.ACCENT_2, SchemeColor.ACCENT_3,
            SchemeColor.ACCENT_4, SchemeColor.ACCENT_5, SchemeColor.ACCENT_6};

    private NativeChart() {
    }

    static XSLFChart add(XMLSlideShow show, XSLFSlide slide, Dataset d, Rectangle2D box, java.util.Date date, ai.qbit.reports.lang.LanguagePack lang) throws java.io.IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        XSLFChart chart = show.createChart();
        String[] categories = categoryLabels(d, lang);
        int n = categories.length;
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(categories,
                chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
        XDDFChartData data;
        if (d.chart().isPieLike()) {
            data = chart.createData(d.chart() == ChartType.DONUT ? ChartTypes.DOUGHNUT : ChartTypes.PIE, null, null);
            if (data instanceof XDDFDoughnutChartData donut) donut.setHoleSize(50);
            data.setVaryColors(true);
        } else {
            XDDFCategoryAxis catAxis = chart.createCategoryAxis(horizontal(d) ? AxisPosition.LEFT : AxisPosition.BOTTOM);
            XDDFValueAxis valAxis = chart.createValueAxis(horizontal(d) ? AxisPosition.BOTTOM : AxisPosition.LEFT);
            valAxis.setCrosses(AxisCrosses.AUTO_ZERO);
            if (horizontal(d)) catAxis.setOrientation(AxisOrientation.MAX_MIN); // first category on top, as in the report
            if (d.logScale()) valAxis.setLogBase(10);
            if (d.chart() == ChartType.LINE) {
                data = chart.createData(ChartTypes.LINE, catAxis, valAxis);
            } else {
                data = chart.createData(ChartTypes.BAR, catAxis, valAxis);
                XDDFBarChartData bar = (XDDFBarChartData) data;
                bar.setBarDirection(horizontal(d) ? BarDirection.BAR : BarDirection.COL);
                if (d.chart() == ChartType.STACKED_BAR) {
                    bar.setBarGrouping(BarGrouping.STACKED);
                    bar.setOverlap((byte) 100);
                }
                bar.setGapWidth(60);
            }
            data.setVaryColors(false);
        }
        for (int s = 0; s < d.series().size(); s++) {
            Dataset.Series series = d.series().get(s);
            Double[] values = series.values().stream().map(v -> v.map(Value::mid).orElse(null)).toArray(Double[]::new);
            XDDFNumericalDataSource<Double> vals = XDDFDataSourcesFactory.fromArray(values,
                    chart.formatRange(new CellRangeAddress(1, n, s + 1, s + 1)), s + 1);
            XDDFChartData.Series ser = data.addSeries(cats, vals);
            ser.setTitle(series.name(), chart.setSheetTitle(series.name(), s + 1));
            if (!d.chart().isPieLike()) {
                ser.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(ACCENTS[s % ACCENTS.length])));
            }
            if (ser instanceof XDDFLineChartData.Series line) line.setSmooth(false);
        }
        chart.plot(data);
        // the embedded workbook is a document of its own: its dates come from the report, not the clock
        var core = chart.getWorkbook().getProperties().getCoreProperties();
        core.setCreated(java.util.Optional.of(date));
        core.setModified(java.util.Optional.of(date));
        if (d.chart().isPieLike() && data instanceof XDDFPieChartData pie) pie.setFirstSliceAngle(0);
        if (d.series().size() > 1 || d.chart().isPieLike()) {
            XDDFChartLegend legend = chart.getOrAddLegend();
            legend.setPosition(d.chart().isPieLike() ? LegendPosition.RIGHT : LegendPosition.TOP);
        }
        showValues(chart, d);
        textSize(chart, d.categories().size() > 10 ? 1100 : 1400, lang.tag());
        // POI places chart frames in EMU, not points
        slide.addChart(chart, new Rectangle2D.Double(org.apache.poi.util.Units.toEMU(box.getX()), org.apache.poi.util.Units.toEMU(box.getY()),
                org.apache.poi.util.Units.toEMU(box.getWidth()), org.apache.poi.util.Units.toEMU(box.getHeight())));
        return chart;
    }

    private static boolean horizontal(Dataset d) {
        return d.chart() == ChartType.HBAR || d.chart() == ChartType.RANGE;
    }

    /** Category labels; a category whose value is a stated range carries it, since the bar shows the middle. */
    static String[] categoryLabels(Dataset d, ai.qbit.reports.lang.LanguagePack lang) {
        String[] out = new String[d.categories().size()];
        for (int i = 0; i < out.length; i++) {
            String c = d.categories().get(i);
            int idx = i;
            Optional<String> range = d.series().size() == 1
                    ? d.series().get(0).values().get(idx).filter(Value::isRange).map(Value::raw) : Optional.empty();
            out[i] = range.map(r -> lang.msg("category.with.range", c, r)).orElse(c);
        }
        return out;
    }

    /** One text size for the whole chart (hundredths of a point), readable from the back of a room. */
    private static void textSize(XSLFChart chart, int size, String language) {
        var space = chart.getCTChartSpace();
        var txPr = space.isSetTxPr() ? space.getTxPr() : space.addNewTxPr();
        if (txPr.getBodyPr() == null) txPr.addNewBodyPr();
        if (txPr.getLstStyle() == null) txPr.addNewLstStyle();
        var p = txPr.sizeOfPArray() > 0 ? txPr.getPArray(0) : txPr.addNewP();
        var ppr = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
        var def = ppr.isSetDefRPr() ? ppr.getDefRPr() : ppr.addNewDefRPr();
        def.setSz(size);
        if (!p.isSetEndParaRPr()) p.addNewEndParaRPr().setLang(language);
    }

    /** Data labels with the values, so the slide reads without the axis. */
    private static void showValues(XSLFChart chart, Dataset d) {
        var plotArea = chart.getCTChart().getPlotArea();
        for (var bar : plotArea.getBarChartList()) for (var ser : bar.getSerList()) labels(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls(), false);
        for (var line : plotArea.getLineChartList()) for (var ser : line.getSerList()) labels(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls(), false);
        for (var pie : plotArea.getPieChartList()) for (var ser : pie.getSerList()) labels(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls(), true);
        for (var pie : plotArea.getDoughnutChartList()) for (var ser : pie.getSerList()) labels(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls(), true);
    }

    private static void labels(org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls l, boolean categoryToo) {
        l.addNewShowVal().setVal(true);
        l.addNewShowLegendKey().setVal(false);
        l.addNewShowCatName().setVal(categoryToo);
        l.addNewShowSerName().setVal(false);
        l.addNewShowPercent().setVal(false);
        l.addNewShowBubbleSize().setVal(false);
    }
}
