package ai.qbit.reports.render;

import ai.qbit.reports.load.ModelException;
import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.brief.BriefWriter;
import ai.qbit.reports.render.deck.DeckTemplate;
import ai.qbit.reports.render.deck.DeckWriter;
import ai.qbit.reports.render.pdf.ReportPdfWriter;
import ai.qbit.reports.support.MiniModel;
import ai.qbit.reports.support.PageText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever characters an analyst types are text, never markup; odd ones render or fail with a clear message. */
class TextIsDataTest {
    @TempDir
    Path tmp;

    /** A long web address written out: the longest word a line can take (TextRules.MAX_WORD is 60). */
    static final String URL = "https://example.com/" + "a".repeat(40);

    @Test
    void markupLikeTextRareCharactersLongUrlsAndRtlRender() throws Exception {
        String table = """

                Table: 奇怪的字符

                | 种类 | 内容 |
                |---|---|
                | 标记 | a < b, R&D, \\<b>不是标签\\</b> &amp;amp; "引号" 'single' |
                | 长链接 | URL |
                """.replace("URL", URL);
        MiniModel m = new MiniModel(tmp).edit("chapters/01-apps.md", "![](figure:dau)", "![](figure:dau)\n" + table)
                .edit("report.yaml", "title: AI应用竞争", "title: \"AI应用<竞争> & 'x'\"");
        Report r = new ReportLoader(MiniModel.assets()).load(m.write());
        Templates templates = new Templates(Path.of("templates"));
        var pdf = new ReportPdfWriter(templates).write(r);
        assertDoesNotThrow(() -> new DeckWriter().write(r, DeckTemplate.builtIn(r.theme())));
        assertDoesNotThrow(() -> new BriefWriter(templates).write(r, pdf.pageLabels()));
        try (PDDocument d = Loader.loadPDF(pdf.pdf())) {
            String text = String.join("", PageText.pages(d, false)).replaceAll("\\s+", "");
            assertTrue(text.contains("a<b,R&D,<b>不是标签</b>&amp;\"引号\""), "markup-like text is printed as text: " + text);
            assertTrue(text.contains("AI应用<竞争>&'x'"), "a title with < & ' is text");
        }
    }

    @Test
    void aWordTooLongForAnyLineIsAModelErrorWithItsPlace() {
        String table = "\n\n| 种类 | 内容 |\n|---|---|\n| 长链接 | https://example.com/" + "a".repeat(300) + " |\n";
        MiniModel m = new MiniModel(tmp).edit("chapters/01-apps.md", "![](figure:dau)", "![](figure:dau)\n" + table);
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(m.write()));
        assertTrue(e.getMessage().contains("01-apps.md:8: the word \"https://example.com/aaa"), e.getMessage());
        assertTrue(e.getMessage().contains("has 320 characters without a break"), e.getMessage());
    }

    @Test
    void charactersTheFontLacksAreModelErrorsWithTheirPlace() {
        MiniModel m = new MiniModel(tmp).edit("chapters/01-apps.md", "**豆包**紧随其后。", "**豆包**紧随其后😀，𠀀。")
                .edit("datasets/dau.yaml", "categories: [夸克, 豆包]", "categories: [夸克🚀, 豆包]");
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(m.write()));
        assertTrue(e.getMessage().contains("01-apps.md:3:34: the character 😀 (U+1F600) is not in the font Noto Sans SC"), e.getMessage());
        assertTrue(e.getMessage().contains("datasets/dau.yaml:5:16: the character 🚀"), e.getMessage());
    }

    @Test
    void rightToLeftTextTheFontCannotDrawFailsCleanly() {
        MiniModel m = new MiniModel(tmp).edit("chapters/01-apps.md", "![](figure:dau)", "![](figure:dau)\n\n| 语言 | 文本 |\n|---|---|\n| 阿拉伯文 | مرحبا |\n");
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(m.write()));
        assertTrue(e.getMessage().contains("01-apps.md:9:10: the character م (U+645) is not in the font Noto Sans SC"), e.getMessage());
    }

    @Test
    void rawHtmlIsRefusedWithItsLine() {
        MiniModel m = new MiniModel(tmp).edit("chapters/01-apps.md", "**豆包**紧随其后。", "<b>豆包</b>紧随其后。");
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(m.write()));
        assertTrue(e.getMessage().contains("01-apps.md:3: raw HTML <b> is not allowed"), e.getMessage());
    }

    @Test
    void htmlAndDoctypesInMarkdownAreRefusedNotParsed() {
        MiniModel m = new MiniModel(tmp).edit("chapters/01-apps.md", "## 1. 用户活跃",
                "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\n## 1. 用户活跃");
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(m.write()));
        assertTrue(e.getMessage().contains("01-apps.md:1: unsupported Markdown block (HtmlBlock)"), e.getMessage());
    }

    @Test
    void yamlTagsNeverInstantiateClasses() {
        MiniModel m = new MiniModel(tmp).edit("report.yaml", "title: 迷你报告",
                "title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/x\"]]]]");
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(m.write()));
        assertTrue(e.getMessage().contains("report.yaml:2:8: malformed YAML: Global tag is not allowed"), e.getMessage());
    }
}
