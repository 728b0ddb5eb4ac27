package ai.qbit.reports.render;

import ai.qbit.reports.load.ModelException;
import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.deck.DeckTemplate;
import ai.qbit.reports.render.deck.DeckWriter;
import ai.qbit.reports.render.pdf.ReportPdfWriter;
import ai.qbit.reports.support.MiniModel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every chart kind a dataset can ask for draws in the PDF (vector) and as the matching native chart in the deck. */
class ChartKindsTest {
    @TempDir
    Path tmp;

    static final String TWO_SERIES = """
            id: dau
            title: 留存率
            chart: KIND
            unit: "%"
            categories: [夸克, 豆包]
            series:
              - name: 三日
                values: [超40%, 超30%]
              - name: 七日
                values: [接近30%, 接近20%]
            source: 测试数据
            from: [seed.txt:3]
            """;

    @ParameterizedTest
    @CsvSource({"bar, barChart", "hbar, barChart", "range, barChart", "line, lineChart", "pie, pieChart", "donut, doughnutChart",
            "grouped-bar, barChart", "stacked-bar, barChart"})
    void drawsInThePdfAndNativelyInTheDeck(String kind, String ooxml) throws Exception {
        MiniModel m = new MiniModel(tmp).put("sources/seed.txt", "一\n二\n夸克三日留存率超过40%，七日留存率接近30%；豆包超30%，接近20%。超过2600万，超760万\n");
        if (kind.equals("grouped-bar") || kind.equals("stacked-bar") || kind.equals("line")) {
            m.put("datasets/dau.yaml", TWO_SERIES.replace("KIND", kind));
        } else {
            m.edit("datasets/dau.yaml", "chart: hbar", "chart: " + kind);
        }
        Report r = new ReportLoader(MiniModel.assets()).load(m.write());
        byte[] pdf = new ReportPdfWriter(new Templates(Path.of("templates"))).write(r).pdf();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertTrue(d.getNumberOfPages() >= 3);
        }
        byte[] pptx = new DeckWriter().write(r, DeckTemplate.builtIn(r.theme())).pptx();
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            assertEquals(1, show.getCharts().size());
            String xml = show.getCharts().get(0).getCTChartSpace().xmlText();
            assertTrue(xml.contains("<c:" + ooxml), kind + " → " + ooxml);
        }
    }

    @Test
    void aPieOfNegativeSharesIsRejected() {
        MiniModel m = new MiniModel(tmp).edit("datasets/dau.yaml", "chart: hbar", "chart: pie")
                .put("sources/seed.txt", "一\n二\n超过2600万，超760万，-5万\n").edit("datasets/dau.yaml", "超760万]", "-5万]");
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(m.write()));
        assertTrue(e.getMessage().contains("shows shares of a whole"), e.getMessage());
    }
}
