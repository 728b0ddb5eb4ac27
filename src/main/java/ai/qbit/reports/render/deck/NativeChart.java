package ai.qbit.reports.render.deck;

import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.model.ChartType;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Theme;
import ai.qbit.reports.model.Value;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.SchemeColor;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFDoughnutChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;

import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A native PowerPoint chart (DrawingML chart part + embedded workbook) for a dataset, so "Edit Data" opens the numbers
 * and a theme change restyles the bars. It says what the report's chart says: bars from zero between the tick marks,
 * a missing value as a gap without a label, a stated range as a bar floating from its low to its high value (a stacked
 * bar whose first segment is invisible) labelled with the range as stated, a hedged value ("超2600万") labelled as
 * stated, every category labelled, values formatted with thousands separators and the unit. Series take the theme's
 * accent colours, which the built-in template sets to the theme's series palette.
 */
final class NativeChart {
    private static final SchemeColor[] ACCENTS = {SchemeColor.ACCENT_1, SchemeColor.ACCENT_2, SchemeColor.ACCENT_3,
            SchemeColor.ACCENT_4, SchemeColor.ACCENT_5, SchemeColor.ACCENT_6};
    /** Above this many categories a column chart's labels are set at 45°, as in the report's chart. */
    private static final int ROTATE_ABOVE = 7;

    private NativeChart() {
    }

    /** One series as it goes into the chart: its title, its workbook column and, per category, its label text. */
    private record Column(String title, Double[] values, String[] labels, boolean invisible) {
    }

    /** The chart of {@code d} in {@code box}; {@code description} is its alternative text (the frame's descr). */
    static XSLFChart add(XMLSlideShow show, XSLFSlide slide, Dataset d, Rectangle2D box, java.util.Date date,
                         LanguagePack lang, TextLanguage language, Theme theme, String description) throws Exception {
        XSLFChart chart = show.createChart();
        int n = d.categories().size();
        XDDFDataSource<String> cats = XDDFDataSourcesFactory.fromArray(d.categories().toArray(String[]::new),
                chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
        boolean floating = floating(d);
        String format = numberFormat(d);
        XDDFChartData data;
        XDDFValueAxis valAxis = null;
        if (d.chart().isPieLike()) {
            data = chart.createData(d.chart() == ChartType.DONUT ? ChartTypes.DOUGHNUT : ChartTypes.PIE, null, null);
            if (data instanceof XDDFDoughnutChartData donut) donut.setHoleSize(50);
            data.setVaryColors(true);
        } else {
            XDDFCategoryAxis catAxis = chart.createCategoryAxis(horizontal(d) ? AxisPosition.LEFT : AxisPosition.BOTTOM);
            valAxis = chart.createValueAxis(horizontal(d) ? AxisPosition.BOTTOM : AxisPosition.LEFT);
            valAxis.setCrosses(AxisCrosses.AUTO_ZERO);
            valAxis.setCrossBetween(AxisCrossBetween.BETWEEN); // bars sit between tick marks, not half outside the plot
            valAxis.setNumberFormat(format);
            valAxis.setMajorTickMark(AxisTickMark.NONE);
            valAxis.setMinorTickMark(AxisTickMark.NONE);
            if (d.logScale()) valAxis.setLogBase(10);
            else if (minValue(d) >= 0) valAxis.setMinimum(0); // read from zero: 20 vs 23 is not drawn as 1 vs 6
            catAxis.setMajorTickMark(AxisTickMark.NONE);
            catAxis.setMinorTickMark(AxisTickMark.NONE);
            catAxis.setTickLabelPosition(AxisTickLabelPosition.LOW); // clear of negative bars
            if (horizontal(d)) catAxis.setOrientation(AxisOrientation.MAX_MIN); // first category on top, as in the report
            var ctCat = chart.getCTChart().getPlotArea().getCatAxArray(0);
            (ctCat.isSetTickLblSkip() ? ctCat.getTickLblSkip() : ctCat.addNewTickLblSkip()).setVal(1); // every label shown
            (ctCat.isSetNoMultiLvlLbl() ? ctCat.getNoMultiLvlLbl() : ctCat.addNewNoMultiLvlLbl()).setVal(true);
            if (d.chart() == ChartType.LINE) {
                data = chart.createData(ChartTypes.LINE, catAxis, valAxis);
                ((XDDFLineChartData) data).setGrouping(Grouping.STANDARD);
            } else {
                data = chart.createData(ChartTypes.BAR, catAxis, valAxis);
                XDDFBarChartData bar = (XDDFBarChartData) data;
                bar.setBarDirection(horizontal(d) ? BarDirection.BAR : BarDirection.COL);
                if (d.chart() == ChartType.STACKED_BAR || floating) {
                    bar.setBarGrouping(BarGrouping.STACKED);
                    bar.setOverlap((byte) 100);
                } else {
                    bar.setBarGrouping(BarGrouping.CLUSTERED);
                }
                bar.setGapWidth(60);
            }
            data.setVaryColors(false);
        }
        List<Column> columns = columns(d, lang);
        List<XDDFChartData.Series> added = new ArrayList<>();
        for (int s = 0; s < columns.size(); s++) {
            Column col = columns.get(s);
            var vals = XDDFDataSourcesFactory.fromArray(col.values(), chart.formatRange(new CellRangeAddress(1, n, s + 1, s + 1)), s + 1);
            XDDFChartData.Series ser = data.addSeries(cats, vals);
            ser.setTitle(col.title(), chart.setSheetTitle(col.title(), s + 1));
            int colour = floating ? 0 : s;
            if (col.invisible()) ser.setFillProperties(new XDDFNoFillProperties());
            else if (!d.chart().isPieLike()) ser.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(ACCENTS[colour % ACCENTS.length])));
            if (ser instanceof XDDFLineChartData.Series line) {
                line.setSmooth(false);
                line.setLineProperties(new org.apache.poi.xddf.usermodel.XDDFLineProperties(
                        new XDDFSolidFillProperties(XDDFColor.from(ACCENTS[s % ACCENTS.length]))));
                line.setMarkerStyle(org.apache.poi.xddf.usermodel.chart.MarkerStyle.CIRCLE);
            }
            added.add(ser);
        }
        chart.plot(data);
        chart.setAutoTitleDeleted(true);                  // PowerPoint would otherwise title a one-series chart with its name
        chart.displayBlanksAs(DisplayBlanks.GAP);         // a value the source does not give is a gap, not a 0
        chart.setPlotOnlyVisibleCells(true);
        // the embedded workbook is a document of its own: its dates come from the report, not the clock
        var core = chart.getWorkbook().getProperties().getCoreProperties();
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        formatWorkbook(chart, columns.size(), format);
        if (d.chart().isPieLike() && data instanceof XDDFPieChartData pie) pie.setFirstSliceAngle(0);
        if ((d.series().size() > 1 && !floating) || d.chart().isPieLike()) {
            chart.getOrAddLegend().setPosition(d.chart().isPieLike() ? LegendPosition.RIGHT : LegendPosition.TOP);
        }
        // text that lets every category label fit its share of the axis (LibreOffice hides labels that would touch)
        double perCategory = (horizontal(d) ? box.getHeight() - 40 : (box.getWidth() - 60) / 2) / Math.max(1, n);
        int size = (int) Math.max(900, Math.min(1400, Math.floor(perCategory * 0.55) * 100));
        labels(chart, d, columns, format, language, theme, floating);
        textProperties(chart.getCTChartSpace().isSetTxPr() ? chart.getCTChartSpace().getTxPr() : chart.getCTChartSpace().addNewTxPr(), size, language);
        if (!d.chart().isPieLike() && !horizontal(d) && n > ROTATE_ABOVE) {
            var ctCat = chart.getCTChart().getPlotArea().getCatAxArray(0);
            CTTextBody tx = ctCat.isSetTxPr() ? ctCat.getTxPr() : ctCat.addNewTxPr();
            textProperties(tx, size, language);
            tx.getBodyPr().setRot(-2_700_000); // 45°
            tx.getBodyPr().setVert(org.openxmlformats.schemas.drawingml.x2006.main.STTextVerticalType.HORZ);
        }
        // POI places chart frames in EMU, not points
        slide.addChart(chart, new Rectangle2D.Double(org.apache.poi.util.Units.toEMU(box.getX()), org.apache.poi.util.Units.toEMU(box.getY()),
                org.apache.poi.util.Units.toEMU(box.getWidth()), org.apache.poi.util.Units.toEMU(box.getHeight())));
        // addChart writes the frame into the shape tree without a handle on it (nor on the slide's shape list): the last frame
        var frames = slide.getXmlObject().getCSld().getSpTree().getGraphicFrameList();
        if (frames.isEmpty()) throw new IllegalStateException("no frame for the chart of " + d.id());
        frames.get(frames.size() - 1).getNvGraphicFramePr().getCNvPr().setDescr(description);
        return chart;
    }

    static boolean horizontal(Dataset d) {
        return d.chart() == ChartType.HBAR || d.chart() == ChartType.RANGE;
    }

    /**
     * Whether the dataset's bars float: a range chart, or a one-series bar chart with a stated range in it. (A range in
     * a chart of several series is drawn at its middle, labelled with the range: PowerPoint cannot float clustered bars.)
     */
    static boolean floating(Dataset d) {
        if (d.series().size() != 1 || d.logScale()) return false;
        if (d.chart() == ChartType.RANGE) return true;
        boolean bars = d.chart() == ChartType.BAR || d.chart() == ChartType.HBAR;
        return bars && d.series().get(0).values().stream().flatMap(Optional::stream).anyMatch(Value::isRange);
    }

    /** The series as charted: each dataset series; or, for floating bars, an invisible base and the visible span. */
    private static List<Column> columns(Dataset d, LanguagePack lang) {
        int n = d.categories().size();
        List<Column> out = new ArrayList<>();
        if (floating(d)) {
            Dataset.Series s = d.series().get(0);
            Double[] base = new Double[n], span = new Double[n];
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                Optional<Value> v = s.values().get(i);
                base[i] = v.map(Value::low).map(x -> v.get().isRange() ? x : 0d).orElse(null);
                span[i] = v.map(x -> x.isRange() ? x.high() - x.low() : x.high()).orElse(null);
                labels[i] = v.map(Value::raw).orElse(null);
            }
            out.add(new Column(lang.msg("deck.chart.range.from", s.name()), base, new String[n], true));
            out.add(new Column(lang.msg("deck.chart.range.span", s.name()), span, labels, false));
            return out;
        }
        for (Dataset.Series s : d.series()) {
            Double[] values = new Double[n];
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                Optional<Value> v = s.values().get(i);
                values[i] = v.map(Value::mid).orElse(null);
                // a hedged or ranged value is labelled as stated; a plain number by the number format
                labels[i] = v.filter(x -> x.isRange() || !x.qualifier().isEmpty()).map(Value::raw).orElse(null);
            }
            out.add(new Column(s.name(), values, labels, false));
        }
        return out;
    }

    /** "#,##0.0"万"": thousands separators, as many decimals as the data states (at most 2), and a short unit. */
    static String numberFormat(Dataset d) {
        int decimals = 0;
        for (Dataset.Series s : d.series()) {
            for (Optional<Value> v : s.values()) {
                if (v.isEmpty()) continue;
                for (double x : new double[]{v.get().low(), v.get().high()}) {
                    decimals = Math.max(decimals, Math.max(0, BigDecimal.valueOf(x).stripTrailingZeros().scale()));
                }
            }
        }
        decimals = Math.min(decimals, 2);
        String number = "#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : "");
        String unit = d.unit();
        if (unit.isEmpty() || unit.length() > 4) return number;
        boolean tight = unit.equals("%") || unit.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return number + "\"" + (tight ? "" : " ") + unit.replace("\"", "") + "\"";
    }

    private static double minValue(Dataset d) {
        return d.series().stream().flatMap(s -> s.values().stream()).flatMap(Optional::stream)
                .mapToDouble(Value::low).min().orElse(0);
    }

    /** The workbook's value cells in the chart's number format, so "Edit Data" shows what the slide shows. */
    private static void formatWorkbook(XSLFChart chart, int columns, String format) throws Exception {
        var wb = chart.getWorkbook();
        var style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        var sheet = wb.getSheetAt(0);
        for (var row : sheet) {
            if (row.getRowNum() == 0) continue;
            for (int c = 1; c <= columns; c++) {
                var cell = row.getCell(c);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) cell.setCellStyle(style);
            }
        }
    }

    /** Data labels: the number format, or the value as stated where it is hedged or a range; none on a gap. */
    private static void labels(XSLFChart chart, Dataset d, List<Column> columns, String format, TextLanguage language,
                               Theme theme, boolean floating) {
        var plot = chart.getCTChart().getPlotArea();
        List<CTDLbls> all = new ArrayList<>();
        List<STDLblPos.Enum> positions = new ArrayList<>();
        boolean stacked = d.chart() == ChartType.STACKED_BAR || floating;
        for (var bar : plot.getBarChartList()) for (var ser : bar.getSerList()) {
            all.add(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls());
            positions.add(stacked ? STDLblPos.CTR : STDLblPos.OUT_END);
        }
        for (var line : plot.getLineChartList()) for (var ser : line.getSerList()) {
            all.add(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls());
            positions.add(STDLblPos.T);
        }
        for (var pie : plot.getPieChartList()) for (var ser : pie.getSerList()) {
            all.add(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls());
            positions.add(STDLblPos.OUT_END);
        }
        for (var pie : plot.getDoughnutChartList()) for (var ser : pie.getSerList()) {
            all.add(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls());
            positions.add(null); // a doughnut has no label positions
        }
        boolean pieLike = d.chart().isPieLike();
        for (int s = 0; s < all.size(); s++) {
            CTDLbls l = all.get(s);
            Column col = columns.get(s);
            if (col.invisible()) {
                l.addNewDelete().setVal(true);
                continue;
            }
            // the label colour inside a stacked bar: whichever of on_primary and ink reads better on its fill
            String series = theme.series().get((floating ? 0 : s) % theme.series().size());
            String ink = stacked ? Theme.mostLegibleOn(series, theme.onPrimary(), theme.ink()) : null;
            for (int i = 0; i < col.values().length; i++) {
                if (col.values()[i] == null || col.labels()[i] == null) continue;
                var one = l.addNewDLbl();
                one.addNewIdx().setVal(i);
                var rich = one.addNewTx().addNewRich();
                rich.addNewBodyPr();
                var r = rich.addNewP().addNewR();
                language.tag(r.addNewRPr());
                if (ink != null) r.getRPr().addNewSolidFill().addNewSrgbClr().setVal(DeckTemplate.hexBytes(ink));
                r.setT(pieLike ? d.categories().get(i) + " " + col.labels()[i] : col.labels()[i]);
                if (positions.get(s) != null) one.addNewDLblPos().setVal(positions.get(s));
                flags(one.addNewShowLegendKey(), one.addNewShowVal(), one.addNewShowCatName(), one.addNewShowSerName(),
                        one.addNewShowPercent(), one.addNewShowBubbleSize(), pieLike);
            }
            var numFmt = l.addNewNumFmt();
            numFmt.setFormatCode(format);
            numFmt.setSourceLinked(false);
            if (ink != null) {
                var tx = l.addNewTxPr();
                textProperties(tx, 0, language);
                tx.getPArray(0).getPPr().getDefRPr().addNewSolidFill().addNewSrgbClr().setVal(DeckTemplate.hexBytes(ink));
            }
            if (positions.get(s) != null) l.addNewDLblPos().setVal(positions.get(s));
            flags(l.addNewShowLegendKey(), l.addNewShowVal(), l.addNewShowCatName(), l.addNewShowSerName(),
                    l.addNewShowPercent(), l.addNewShowBubbleSize(), pieLike);
        }
    }

    private static void flags(org.openxmlformats.schemas.drawingml.x2006.chart.CTBoolean legendKey,
                              org.openxmlformats.schemas.drawingml.x2006.chart.CTBoolean val,
                              org.openxmlformats.schemas.drawingml.x2006.chart.CTBoolean catName,
                              org.openxmlformats.schemas.drawingml.x2006.chart.CTBoolean serName,
                              org.openxmlformats.schemas.drawingml.x2006.chart.CTBoolean percent,
                              org.openxmlformats.schemas.drawingml.x2006.chart.CTBoolean bubble, boolean categoryToo) {
        legendKey.setVal(false);
        val.setVal(true);
        catName.setVal(categoryToo);
        serName.setVal(false);
        percent.setVal(false);
        bubble.setVal(false);
    }

    /** A text body's default run: {@code size} hundredths of a point (0: inherited), in the deck's language. */
    private static void textProperties(CTTextBody txPr, int size, TextLanguage language) {
        if (txPr.getBodyPr() == null) txPr.addNewBodyPr();
        if (txPr.getLstStyle() == null) txPr.addNewLstStyle();
        var p = txPr.sizeOfPArray() > 0 ? txPr.getPArray(0) : txPr.addNewP();
        var ppr = p.isSetPPr() ? p.getPPr() : p.addNewPPr();
        var def = ppr.isSetDefRPr() ? ppr.getDefRPr() : ppr.addNewDefRPr();
        if (size > 0) def.setSz(size);
        language.tag(def);
        language.tag(p.isSetEndParaRPr() ? p.getEndParaRPr() : p.addNewEndParaRPr());
    }
}
