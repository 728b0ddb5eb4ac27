package ai.qbit.reports.load;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.ChartType;
import ai.qbit.reports.model.ChapterKind;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Labels;
import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

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
        Chapter c = r.body().get(0);
        Labels l = new Labels(r);
        assertEquals("趋势一", l.chapter(c));
        assertEquals("AI应用竞争：多领域竞速运营大于技术", l.fullTitle(c));
        assertEquals("趋势一 AI应用竞争：多领域竞速运营大于技术", l.heading(c));
        assertEquals("PART 1 · 技术篇 · 趋势一", l.kicker(c));
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
    void missingChapterFieldNamesTheYamlPathAndLine() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "        title: AI应用竞争\n", ""));
        assertTrue(msg.contains("seeds/mini/report.yaml:20: parts[0].chapters[0].title: missing"), msg);
        assertTrue(msg.contains("parts[0].chapters[0].title: missing"), msg);
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
    void everyReportUnderSeedsIsValid() {
        for (String id : ai.qbit.reports.support.Rendered.ids()) {
            Report r = new ReportLoader(MiniModel.assets()).load(Path.of("seeds", id));
            assertFalse(r.body().isEmpty(), id);
            assertFalse(r.datasets().isEmpty(), id);
        }
    }

    // ---- languages ----

    @Test
    void aLanguageWithoutAPackIsAnErrorNamingTheFieldAndTheLanguagesAvailable() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "language: zh-CN", "language: fr"));
        assertTrue(msg.contains("seeds/mini/report.yaml:7:"), msg);
        assertTrue(msg.contains("language: no language pack for \"fr\""), msg);
        assertTrue(msg.contains("the toolkit speaks: en, zh-CN"), msg);
    }

    @Test
    void theReportsOwnLanguageFileOverridesAPrintedWord() throws Exception {
        MiniModel m = MiniModel.english(tmp).put("lang/messages_en.properties", "toc.title=Table of contents\nfigure.label=Chart {0}\n");
        Report r = load(m);
        assertEquals("Table of contents", r.lang().msg("toc.title"));
        assertEquals("Source: x", r.lang().msg("figure.source", "x"), "what the override leaves out comes from the built-in pack");
        byte[] pdf = new ai.qbit.reports.render.pdf.ReportPdfWriter(new ai.qbit.reports.render.Templates(Path.of("templates"))).write(r).pdf();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Table of contents"), "the contents page prints the report's word");
            assertTrue(text.contains("Chart 1-1") || text.contains("Chart 1"), "figures are labelled with the report's word");
            assertFalse(text.contains("Contents\n"), "the built-in word is gone");
        }
    }

    @Test
    void anEnglishReportSpeaksEnglish() {
        Report r = load(MiniModel.english(tmp));
        assertEquals("en", r.lang().tag());
        assertEquals("Contents", r.lang().msg("toc.title"));
        assertEquals("13 December 2024", new Labels(r).day());
    }

    // ---- numbering, profile, outputs, credits ----

    @Test
    void numberingSectionsAsChaptersNumbersThemAndLabelsReadChapterN() {
        Report r = load(MiniModel.english(tmp));
        Labels l = new Labels(r);
        assertEquals("chapter", r.numberingOf(ChapterKind.SECTION));
        assertEquals(List.of(1, 2), r.body().stream().map(Chapter::number).toList());
        assertEquals("Chapter 1", l.chapter(r.body().get(0)));
        assertEquals("Chapter 2", l.chapter(r.body().get(1)));
        assertEquals("Chapter 1 Daily users: One app leads by far", l.heading(r.body().get(0)));
        assertEquals("", l.chapter(r.front().get(0)), "front matter is not numbered");
        assertEquals("1-1", l.figureNumber(r.body().get(0), 1));
    }

    @Test
    void sectionsAreNotNumberedByDefaultAndANumberOnOneIsAnError() {
        Report r = load(MiniModel.sectionsOnly(tmp));
        assertTrue(r.body().stream().noneMatch(Chapter::isNumbered), "sections are unnumbered unless `numbering` says so");
        assertEquals("", new Labels(r).chapter(r.body().get(0)));
        String msg = problems(MiniModel.sectionsOnly(tmp.resolve("x")).edit("report.yaml", "kind: section\n        title: 市场份额",
                "kind: section\n        number: 2\n        title: 市场份额"));
        assertTrue(msg.contains("chapters of kind section are not numbered in this report"), msg);
    }

    @Test
    void anUnknownNumberingStyleListsTheStylesOfThePack() {
        String msg = problems(MiniModel.english(tmp).edit("report.yaml", "section: chapter", "section: roman-ish"));
        assertTrue(msg.contains("unknown numbering style \"roman-ish\""), msg);
        assertTrue(msg.contains("chapter"), msg);
    }

    @Test
    void profileQuotasAreModelErrors() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "front:", """
                profile:
                  trend: {key_points: 4-5, key_figures: 3-4, requires: [summary, quote, tagline]}
                front:""").edit("report.yaml", "        tagline: 多领域竞速运营大于技术\n", ""));
        assertTrue(msg.contains("parts[0].chapters[0].key_points: this report's profile expects 4–5 key points per trend, found 3"), msg);
        assertTrue(msg.contains("key_figures: this report's profile expects 3–4 key figures per trend, found 2"), msg);
        assertTrue(msg.contains("tagline: missing; this report's profile requires tagline for every trend"), msg);
    }

    @Test
    void aProfileCannotRequireAFieldItDoesNotKnow() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "front:", "profile:\n  trend: {requires: [colour]}\nfront:"));
        assertTrue(msg.contains("cannot require \"colour\""), msg);
    }

    @Test
    void outputsChooseTheKindsThatGetSlidesAndBriefs() {
        Report r = load(MiniModel.withoutParts(tmp).edit("report.yaml", "front:", "outputs: {deck: [trend], briefs: [section]}\nfront:"));
        assertEquals(List.of("apps"), r.deckChapters().stream().map(Chapter::id).toList());
        assertEquals(List.of("shares"), r.briefChapters().stream().map(Chapter::id).toList());
        String msg = problems(new MiniModel(tmp.resolve("x")).edit("report.yaml", "front:", "outputs: {briefs: [trends]}\nfront:"));
        assertTrue(msg.contains("expected one of trend, section, case, found \"trends\""), msg);
    }

    @Test
    void aReportWithoutPartsHasOneImplicitPart() {
        Report r = load(MiniModel.withoutParts(tmp));
        assertEquals(1, r.parts().size());
        assertTrue(r.parts().get(0).implicit());
        assertTrue(r.visibleParts().isEmpty());
        assertEquals(List.of("apps", "shares"), r.body().stream().map(Chapter::id).toList());
        assertEquals("趋势一", new Labels(r).kicker(r.body().get(0)), "no part in the kicker");
        assertEquals("team", r.credits().orElseThrow().id());
    }

    @Test
    void partsAndChaptersTogetherAreAnError() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "back: []", "chapters: []\nback: []"));
        assertTrue(msg.contains("a report has either parts (with their chapters) or chapters, not both"), msg);
    }

    @Test
    void creditsOnTwoChaptersIsAnError() {
        String msg = problems(MiniModel.withoutParts(tmp).edit("report.yaml", "    title: 序言\n", "    title: 序言\n    credits: true\n"));
        assertTrue(msg.contains("more than one chapter says `credits: true`"), msg);
        assertTrue(msg.contains("seeds/noparts/report.yaml"), msg);
    }
}
