package ai.qbit.reports.load;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.ChartType;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportLoaderTest {
    @TempDir
    Path tmp;

    private Report load(MiniModel m) {
        return new ReportLoader(MiniModel.assets()).load(m.write());
    }

    /** Loads the model expecting failure; returns the full message. */
    private String problems(MiniModel m) {
        ModelException e = assertThrows(ModelException.class, () -> load(m));
        return e.getMessage();
    }

    @Test
    void validModelLoadsIntoTypedBlocks() {
        Report r = load(new MiniModel(tmp));
        assertEquals("迷你报告", r.title());
        Chapter c = r.trends().get(0);
        assertEquals("趋势一", c.numberLabel());
        assertEquals("AI应用竞争：多领域竞速运营大于技术", c.fullTitle());
        assertInstanceOf(Block.Heading.class, c.body().get(0));
        assertInstanceOf(Block.Paragraph.class, c.body().get(1));
        assertInstanceOf(Block.FigureRef.class, c.body().get(2));
        Block.QuoteBlock q = assertInstanceOf(Block.QuoteBlock.class, c.body().get(3));
        assertEquals("测试智库", q.attribution().orElseThrow());
        var dau = r.dataset("dau");
        assertEquals(ChartType.HBAR, dau.chart());
        assertEquals(2600, dau.series().get(0).values().get(0).orElseThrow().low());
        assertEquals("超", dau.series().get(0).values().get(0).orElseThrow().qualifier());
    }

    @Test
    void malformedYamlNamesFileLineAndColumn() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "title: 迷你报告", "title: [迷你报告"));
        assertTrue(msg.contains("seeds/mini/report.yaml:"), msg);
        assertTrue(msg.contains("malformed YAML"), msg);
    }

    @Test
    void missingTrendFieldNamesTheYamlPathAndLine() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "        summary: 夸克十月日活超过2600万。豆包紧随其后。\n", ""));
        assertTrue(msg.contains("seeds/mini/report.yaml:20"), msg);
        assertTrue(msg.contains("parts[0].chapters[0].summary: missing"), msg);
    }

    @Test
    void unknownChartTypeListsTheKnownOnes() {
        String msg = problems(new MiniModel(tmp).edit("datasets/dau.yaml", "chart: hbar", "chart: radar"));
        assertTrue(msg.contains("seeds/mini/datasets/dau.yaml:3:8: chart: unknown chart type \"radar\""), msg);
        assertTrue(msg.contains("bar, hbar, grouped-bar"), msg);
    }

    @Test
    void seriesOfWrongLengthIsReported() {
        String msg = problems(new MiniModel(tmp).edit("datasets/dau.yaml", "[超2600万, 超760万]", "[超2600万]"));
        assertTrue(msg.contains("dau.yaml:8:"), msg);
        assertTrue(msg.contains("has 1 values but there are 2 categories"), msg);
    }

    @Test
    void figureReferringToMissingDatasetNamesTheMarkdownLine() {
        String msg = problems(new MiniModel(tmp).edit("chapters/01-apps.md", "figure:dau", "figure:dau-typo"));
        assertTrue(msg.contains("seeds/mini/chapters/01-apps.md:5: figure:dau-typo has no dataset"), msg);
    }

    @Test
    void numberNotStatedOnTheCitedLineIsRejected() {
        String msg = problems(new MiniModel(tmp).edit("datasets/dau.yaml", "超760万]", "超770万]"));
        assertTrue(msg.contains("dau.yaml:8:"), msg);
        assertTrue(msg.contains("\"超770万\" is not stated on any `from` line"), msg);
    }

    @Test
    void nonNumericValueSaysWhatWasExpected() {
        String msg = problems(new MiniModel(tmp).edit("datasets/dau.yaml", "超760万]", "很多]"));
        assertTrue(msg.contains("expected a number as the source states it"), msg);
        assertTrue(msg.contains("found \"很多\""), msg);
    }

    @Test
    void missingMarkdownFileIsNamed() {
        String msg = problems(new MiniModel(tmp).remove("chapters/01-apps.md"));
        assertTrue(msg.contains("report.yaml:25:"), msg);
        assertTrue(msg.contains("file seeds/mini/chapters/01-apps.md does not exist"), msg);
    }

    @Test
    void duplicateIdsPointAtBoth() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "  - id: preface", "  - id: apps"));
        assertTrue(msg.contains("duplicate id \"apps\" (first used at line 11)"), msg);
    }

    @Test
    void emptyChapterIsRejected() {
        String msg = problems(new MiniModel(tmp).put("chapters/00-preface.md", "\n"));
        assertTrue(msg.contains("seeds/mini/chapters/00-preface.md:1: the chapter is empty"), msg);
    }

    @Test
    void rawHtmlAndUnclosableBoldAreCaughtWithTheirLine() {
        String msg = problems(new MiniModel(tmp).edit("chapters/01-apps.md", "**豆包**紧随其后。", "**豆包：**紧随其后<sup>1</sup>。"));
        assertTrue(msg.contains("01-apps.md:3: bold markers that cannot close"), msg);
        assertTrue(msg.contains("01-apps.md:3: raw HTML <sup> is not allowed"), msg);
    }

    @Test
    void allProblemsAreReportedTogether() {
        ModelException e = assertThrows(ModelException.class, () -> load(new MiniModel(tmp)
                .edit("datasets/dau.yaml", "chart: hbar", "chart: radar")
                .edit("report.yaml", "title: 技术篇", "title: \"\"")
                .edit("chapters/01-apps.md", "figure:dau", "figure:nope")));
        assertTrue(e.problems().size() >= 3, e.getMessage());
        assertTrue(e.getMessage().startsWith(e.problems().size() + " problems in the model:"), e.getMessage());
    }

    @Test
    void unknownFieldIsATypoNotSilence() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "        summary:", "        sumary:"));
        assertTrue(msg.contains("parts[0].chapters[0].sumary: unknown field"), msg);
    }

    @Test
    void the2024ModelIsValid() {
        Report r = new ReportLoader(MiniModel.assets()).load(Path.of("seeds/2024"));
        assertEquals(10, r.trends().size());
        assertEquals(3, r.parts().size());
        assertFalse(r.datasets().isEmpty());
        for (Chapter c : r.trends()) {
            assertFalse(c.summary().isBlank(), c.id());
            assertTrue(c.keyPoints().size() >= 3 && c.keyPoints().size() <= 5, c.id());
            assertTrue(c.keyFigures().size() >= 2 && c.keyFigures().size() <= 4, c.id());
            assertTrue(c.quote().isPresent(), c.id());
        }
    }
}
