package ai.qbit.reports.render.deck;

import ai.qbit.reports.model.ChartType;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Value;
import ai.qbit.reports.support.RenderedDecks;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.STCrossBetween;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDispBlanksAs;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads every native chart back: drawn as the data says, as PowerPoint will draw it. */
class DeckChartsTest {
    static final List<String> REPORTS = RenderedDecks.REPORTS;

    record Charted(Dataset dataset, CTChart chart, org.apache.poi.xslf.usermodel.XSLFChart part) {
    }

    static List<Charted> charts(String report) throws Exception {
        var deck = RenderedDecks.of(report);
        List<Charted> out = new ArrayList<>();
        XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(deck.pptx()));
        for (XSLFSlide s : show.getSlides()) {
            String title = "";
            for (XSLFTextShape t : s.getPlaceholders()) {
                if (t.getPlaceholderDetails().getPlaceholder() == org.apache.poi.sl.usermodel.Placeholder.TITLE) title = t.getText();
            }
            for (XSLFShape sh : s.getShapes()) {
                if (!(sh instanceof XSLFGraphicFrame g) || !g.hasChart()) continue;
                String t = title;
                Dataset d = deck.report().datasets().values().stream().filter(x -> x.title().equals(t)).findFirst()
                        .orElseThrow(() -> new AssertionError("no dataset titled " + t));
                out.add(new Charted(d, g.getChart().getCTChart(), g.getChart()));
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    @ParameterizedTest
    @FieldSource("REPORTS")
    void everyChartReadsAsTheDataSays(String report) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Charted c : charts(report)) {
            Dataset d = c.dataset();
            CTChart ch = c.chart();
            if (!ch.isSetAutoTitleDeleted() || !ch.getAutoTitleDeleted().getVal()) wrong.add(d.id() + ": autoTitleDeleted");
            if (!ch.isSetDispBlanksAs() || ch.getDispBlanksAs().getVal() != STDispBlanksAs.GAP) wrong.add(d.id() + ": dispBlanksAs");
            var plot = ch.getPlotArea();
            if (!d.chart().isPieLike()) {
                var val = plot.getValAxArray(0);
                if (plot.sizeOfBarChartArray() > 0 && val.getCrossBetween().getVal() != STCrossBetween.BETWEEN) wrong.add(d.id() + ": crossBetween");
                double min = d.series().stream().flatMap(s -> s.values().stream()).flatMap(Optional::stream).mapToDouble(Value::low).min().orElse(0);
                if (!d.logScale() && min >= 0 && (!val.getScaling().isSetMin() || val.getScaling().getMin().getVal() != 0)) wrong.add(d.id() + ": value axis from 0");
                if (!val.isSetNumFmt() || !val.getNumFmt().getFormatCode().contains("#,##0")) wrong.add(d.id() + ": axis number format");
                var cat = plot.getCatAxArray(0);
                if (!cat.isSetTickLblSkip() || cat.getTickLblSkip().getVal() != 1) wrong.add(d.id() + ": every category labelled");
            }
            List<org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls> labels = new ArrayList<>();
            plot.getBarChartList().forEach(b -> b.getSerList().forEach(s -> labels.add(s.getDLbls())));
            plot.getLineChartList().forEach(b -> b.getSerList().forEach(s -> labels.add(s.getDLbls())));
            plot.getPieChartList().forEach(b -> b.getSerList().forEach(s -> labels.add(s.getDLbls())));
            plot.getDoughnutChartList().forEach(b -> b.getSerList().forEach(s -> labels.add(s.getDLbls())));
            for (var l : labels) {
                if (l.isSetDelete() && l.getDelete().getVal()) continue; // the invisible base of a floating bar
                if (!l.isSetNumFmt() || !l.getNumFmt().getFormatCode().contains("#,##0")) wrong.add(d.id() + ": label number format");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** "2-8倍" is a bar from 2 to 8 labelled "2-8倍", not a bar at 5. */
    @Test
    void aRangeIsABarFromItsLowToItsHighValue() throws Exception {
        int ranges = 0;
        for (String report : REPORTS) {
            for (Charted c : charts(report)) {
                if (c.dataset().chart() != ChartType.RANGE) continue;
                ranges++;
                var bar = c.chart().getPlotArea().getBarChartArray(0);
                assertEquals(org.openxmlformats.schemas.drawingml.x2006.chart.STBarGrouping.STACKED, bar.getGrouping().getVal());
                var base = bar.getSerArray(0);
                var span = bar.getSerArray(1);
                assertTrue(base.getSpPr().isSetNoFill(), "the first segment is invisible");
                var sheet = c.part().getWorkbook().getSheetAt(0);
                List<Optional<Value>> values = c.dataset().series().get(0).values();
                for (int i = 0; i < values.size(); i++) {
                    Value v = values.get(i).orElseThrow();
                    double low = sheet.getRow(i + 1).getCell(1).getNumericCellValue();
                    double width = sheet.getRow(i + 1).getCell(2).getNumericCellValue();
                    assertEquals(v.low(), low, 1e-9, c.dataset().id());
                    assertEquals(v.high(), low + width, 1e-9, c.dataset().id());
                    assertEquals(v.low(), base.getVal().getNumRef().getNumCache().getPtArray(i).getV().equals("") ? -1 : Double.parseDouble(base.getVal().getNumRef().getNumCache().getPtArray(i).getV()), 1e-9);
                }
                var texts = new ArrayList<String>();
                for (var dl : span.getDLbls().getDLblList()) texts.add(dl.getTx().getRich().getPArray(0).getRArray(0).getT());
                assertEquals(values.stream().map(v -> v.orElseThrow().raw()).toList(), texts, "labelled with the range as stated");
            }
        }
        assertTrue(ranges >= 1, "range datasets charted: " + ranges);
    }
}
