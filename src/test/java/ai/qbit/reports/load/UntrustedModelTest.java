package ai.qbit.reports.load;

import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The model as an attacker or a careless colleague would write it: every case of issue 14 that the loader must
 * catch ends in a model error naming the file and line, within a few seconds — never in a leak, a hang or a stack.
 */
class UntrustedModelTest {
    @TempDir
    Path tmp;

    /** Loads {@code m}, expecting it refused within 10 s; returns the message. */
    private String refused(MiniModel m) {
        Path dir = m.write();
        ModelException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(dir)));
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
        return e.getMessage();
    }

    private Report loads(MiniModel m) {
        Path dir = m.write();
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> new ReportLoader(MiniModel.assets()).load(dir));
    }

    private static void has(String msg, String... parts) {
        for (String p : parts) assertTrue(msg.contains(p), "expected «" + p + "» in:\n" + msg);
    }

    private MiniModel mini() {
        return new MiniModel(tmp.resolve("seeds"));
    }

    // ---- 1. the report folder is a sandbox ----

    @Test
    void aChapterLinkedToASystemFileIsRefusedAndNeverRead() throws IOException {
        MiniModel m = mini();
        m.write();
        Path chapter = m.dir.resolve("chapters/01-apps.md");
        Files.delete(chapter);
        Files.createSymbolicLink(chapter, Path.of("/etc/passwd"));
        String msg = refused(m.remove("chapters/01-apps.md"));
        has(msg, "seeds/mini/report.yaml:", "file: seeds/mini/chapters/01-apps.md resolves to /etc/passwd, outside seeds/mini/");
        assertFalse(msg.contains("root:"), msg);
    }

    @Test
    void linkedSourcesDatasetsAndChapterFoldersAreRefused() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        MiniModel m = mini();
        m.write();
        for (String folder : new String[]{"sources", "datasets"}) {
            Path real = elsewhere.resolve(folder);
            Files.move(m.dir.resolve(folder), real);
            Files.createSymbolicLink(m.dir.resolve(folder), real);
        }
        String msg = refused(m.remove("sources/seed.txt").remove("datasets/dau.yaml"));
        has(msg, "seeds/mini/datasets/: resolves to " + elsewhere.toRealPath().resolve("datasets") + ", outside seeds/mini/");
        has(msg, "seeds/mini/report.yaml:", "source document seeds/mini/sources/seed.txt resolves to " + elsewhere.toRealPath().resolve("sources/seed.txt") + ", outside seeds/mini/");
    }

    @Test
    void aLinkInsideTheFolderIsFollowed() throws IOException {
        MiniModel m = mini();
        m.write();
        Files.move(m.dir.resolve("chapters/01-apps.md"), m.dir.resolve("chapters/real.md"));
        Files.createSymbolicLink(m.dir.resolve("chapters/01-apps.md"), Path.of("real.md"));
        assertDoesNotThrow(() -> loads(m.remove("chapters/01-apps.md")));
    }

    @Test
    void aFifoADirectoryAndADanglingLinkSayWhatTheyAre() throws Exception {
        MiniModel m = mini();
        m.write();
        Path fifo = m.dir.resolve("datasets/x.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(5, TimeUnit.SECONDS));
        assumeTrue(Files.exists(fifo));
        Files.createDirectories(m.dir.resolve("datasets/y.yaml"));
        Files.createSymbolicLink(m.dir.resolve("datasets/z.yaml"), m.dir.resolve("datasets/gone.yaml"));
        String msg = refused(m); // the FIFO would block a reader forever: it is never opened
        has(msg, "seeds/mini/datasets/x.yaml: is a FIFO (named pipe), not a regular file");
        has(msg, "seeds/mini/datasets/y.yaml: is a directory, not a regular file");
        has(msg, "seeds/mini/datasets/z.yaml: is a link to " + m.dir.resolve("datasets/gone.yaml") + ", which does not exist");
        Files.delete(fifo);
        Files.createDirectories(m.dir.resolve("chapters/02-dir.md"));
        has(refused(m.edit("report.yaml", "file: chapters/01-apps.md", "file: chapters/02-dir.md")),
                "file: seeds/mini/chapters/02-dir.md is a directory, not a regular file");
    }

    @Test
    void aPathLeavingTheFolderIsRefused() {
        has(refused(mini().edit("report.yaml", "file: chapters/01-apps.md", "file: ../../../../etc/passwd")),
                "seeds/mini/report.yaml:", "points outside seeds/mini/");
    }

    // ---- 2. links are an allow-list ----

    @Test
    void onlyWebMailAndInDocumentLinksAreAllowed() {
        for (String bad : new String[]{"javascript:alert(1)", "file:///etc/passwd", "launch:calc.exe", "data:text/html,x", "../../secret.pdf",
                "JavaScript:alert(1)", "vbscript:x", "ftp://example.com/x", "#no-such-anchor"}) {
            String msg = refused(mini().edit("chapters/01-apps.md", "**豆包**紧随其后。", "**豆包**紧随其后，[点此](" + bad + ")。"));
            has(msg, "seeds/mini/chapters/01-apps.md:3: link");
        }
        loads(mini().edit("chapters/01-apps.md", "**豆包**紧随其后。",
                "**豆包**紧随其后，见[网站](https://example.com/a?b=1)、[邮件](mailto:a@example.com)、[图表](#apps)与[本节](#apps-h1)。"));
    }

    // ---- 4. limits instead of explosions ----

    @Test
    void deepNestingIsRefusedAtItsLine() {
        for (int depth : new int[]{6, 40, 300}) {
            StringBuilder md = new StringBuilder("## 嵌套\n\n");
            for (int i = 1; i <= depth; i++) md.append("> ".repeat(i)).append("[!NOTE] 第").append(i).append("层\n");
            md.append("> ".repeat(depth)).append("正文\n");
            String msg = refused(mini().put("chapters/00-preface.md", md.toString()));
            has(msg, "seeds/mini/chapters/00-preface.md:8: lists, quotes and call-outs nested 6 deep; at most 5");
        }
        has(refused(mini().put("chapters/00-preface.md", "## 嵌套\n\n" + ">".repeat(3000) + " 正文\n")), "seeds/mini/chapters/00-preface.md:3: ");
        // a 10,000-deep list on one line: "- - - - … text"
        has(refused(mini().put("chapters/00-preface.md", "## 列表\n\n" + "- ".repeat(10_000) + "正文\n")),
                "seeds/mini/chapters/00-preface.md:3: lists, quotes and call-outs nested 6 deep");
        has(refused(mini().put("chapters/00-preface.md", "正文 " + "*a ".repeat(20) + "x" + " a*".repeat(20) + "\n")),
                "seeds/mini/chapters/00-preface.md:1: bold, italic and links nested");
    }

    @Test
    void wideTablesLongWordsAndLongFormulaLinesAreRefused() {
        String header = "|" + "列|".repeat(200) + "\n|" + "-|".repeat(200) + "\n|" + "1|".repeat(200) + "\n";
        has(refused(mini().put("chapters/00-preface.md", "## 宽表\n\n" + header)), "seeds/mini/chapters/00-preface.md:3: table has 200 columns; at most 10");
        has(refused(mini().put("chapters/00-preface.md", "## 词\n\n" + "a".repeat(5000) + "\n")),
                "seeds/mini/chapters/00-preface.md:3: the word \"aaaa", "has 5000 characters without a break; at most 60");
        String wide = "| a | b | c |\n|---|---|---|\n| " + "x".repeat(40) + " | " + "y".repeat(40) + " | " + "z".repeat(40) + " |\n";
        has(refused(mini().put("chapters/00-preface.md", "## 表\n\n" + wide)), "seeds/mini/chapters/00-preface.md:3: the table's longest words need 120");
        has(refused(mini().put("chapters/00-preface.md", "## 式\n\n```text\n" + "x+".repeat(50) + "\n```\n")),
                "seeds/mini/chapters/00-preface.md:4: a line of 100 columns in a preformatted block");
        has(refused(mini().put("chapters/00-preface.md", "## 式\n\n```math\n" + "x+".repeat(50) + "\n```\n")),
                "seeds/mini/chapters/00-preface.md:4: the formula is ", " ems wide when typeset; at most 40 fit the page");
        has(refused(mini().edit("report.yaml", "title: 迷你报告", "title: 迷你报告" + "W".repeat(300))),
                "seeds/mini/report.yaml:2:8: title: the word \"WWW");
        // the longest word allowed still loads
        loads(mini().put("chapters/00-preface.md", "## 词\n\n" + "a".repeat(60) + "\n"));
    }

    @Test
    void tooManyCategoriesOrSeriesAreRefused() {
        StringBuilder cats = new StringBuilder("[");
        StringBuilder vals = new StringBuilder("[");
        for (int i = 0; i < 10_000; i++) {
            cats.append(i == 0 ? "" : ", ").append("c").append(i);
            vals.append(i == 0 ? "" : ", ").append("null");
        }
        String msg = refused(mini().edit("datasets/dau.yaml", "categories: [夸克, 豆包]", "categories: " + cats + "]")
                .edit("datasets/dau.yaml", "values: [超2600万, 超760万]", "values: " + vals + "]"));
        has(msg, "seeds/mini/datasets/dau.yaml:5:13: categories: 10000 categories; a hbar chart can label at most 40");
        has(refused(mini().edit("datasets/dau.yaml", "categories: [夸克, 豆包]", "categories: [夸克, " + "豆包".repeat(21) + "]")),
                "seeds/mini/datasets/dau.yaml:5:18: categories[1]: a category label of more than 40 characters");
    }

    @Test
    void aChapterOverTheSizeLimitIsRefused() {
        has(refused(mini().put("chapters/00-preface.md", "## 大\n\n" + "字".repeat(400_000) + "\n")),
                "seeds/mini/chapters/00-preface.md: is larger than 1 MiB");
    }

    @Test
    void bidiOverridesAndInvisibleCharactersAreRefusedAtLineAndColumn() {
        has(refused(mini().edit("chapters/01-apps.md", "**豆包**", "**豆\u202E包**")),
                "seeds/mini/chapters/01-apps.md:3:", "U+202E (RIGHT-TO-LEFT OVERRIDE)");
        has(refused(mini().edit("report.yaml", "title: 迷你报告", "title: 迷你\u200B报告")),
                "seeds/mini/report.yaml:2:10: the invisible character U+200B (ZERO WIDTH SPACE)");
        has(refused(mini().edit("datasets/dau.yaml", "source: 测试数据", "source: 测试\u2066数据")), "seeds/mini/datasets/dau.yaml:9:");
    }

    // ---- 5. every failure is a clean error ----

    @Test
    void aHugeSourceLineNumberIsAModelError() {
        has(refused(mini().edit("datasets/dau.yaml", "from: [seed.txt:3]", "from: [seed.txt:99999999999]")),
                "seeds/mini/datasets/dau.yaml:10:8: from[0]: seed.txt has lines 1–4, not 99999999999");
    }

    @Test
    void aControlCharacterAnywhereInAChapterIsLocated() {
        has(refused(mini().edit("chapters/01-apps.md", "> 运营大于技术。", "> [!KEY] 运营\u0001大于技术。")),
                "seeds/mini/chapters/01-apps.md:7:12: the control character U+0001 (START OF HEADING)");
        has(refused(mini().put("chapters/00-preface.md", "## 式\n\n```math\nx\u0002y\n```\n")), "seeds/mini/chapters/00-preface.md:4:2: the control character U+0002");
    }

    @Test
    void aControlCharacterInYamlIsLocated() {
        has(refused(mini().edit("datasets/dau.yaml", "source: 测试数据", "source: 测试\u0001数据")),
                "seeds/mini/datasets/dau.yaml:9:11: the character U+0001 is not allowed in YAML");
    }

    @Test
    void duplicateKeysNameBothLinesInEveryYamlFile() {
        has(refused(mini().edit("report.yaml", "title: 迷你报告\n", "title: 迷你报告\ntitle: 另一个标题\n")),
                "seeds/mini/report.yaml:3:1: key \"title\" is given twice in one mapping (first at line 2, again at line 3)");
        has(refused(mini().edit("datasets/dau.yaml", "unit: 万\n", "unit: 万\nunit: 亿\n")),
                "seeds/mini/datasets/dau.yaml:5:1: key \"unit\" is given twice", "first at line 4, again at line 5");
    }

    @Test
    void anAliasBombIsRefusedAtItsLineBeforeExpanding() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        has(refused(mini().put("datasets/dau.yaml", MiniModel.DATASET + bomb)), "seeds/mini/datasets/dau.yaml:12:8: alias *a: anchors and aliases are not supported");
    }

    @Test
    void aGbkFileSaysItIsNotUtf8WithItsLine() throws IOException {
        MiniModel m = mini();
        m.write();
        Files.write(m.dir.resolve("chapters/01-apps.md"), MiniModel.CHAPTER.getBytes(Charset.forName("GBK")));
        has(refused(m.remove("chapters/01-apps.md")), "seeds/mini/chapters/01-apps.md:1:7: is not UTF-8 text: the byte 0xD3 cannot start a UTF-8 character");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws IOException {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads every file");
        MiniModel m = mini();
        m.write();
        Path src = m.dir.resolve("sources/seed.txt");
        assumeTrue(src.toFile().setReadable(false));
        has(refused(m), "seeds/mini/sources/seed.txt", "cannot be read (permission denied)");
    }
}
