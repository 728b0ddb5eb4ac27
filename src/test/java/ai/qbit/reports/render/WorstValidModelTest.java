package ai.qbit.reports.render;

import ai.qbit.reports.cli.Generate;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worst model the limits let through — nesting at the limit, the widest table, the longest words, the most
 * chart categories — renders in bounded time, and nothing of it is dropped or runs off the page.
 */
class WorstValidModelTest {
    /** The bound stated in the README for this model on the project's machine (2 cores, shared). */
    static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path root;

    static final String LONG_WORD = "W".repeat(20) + "x".repeat(40); // 60 characters, the limit

    static String worstChapter() {
        StringBuilder md = new StringBuilder("## 1. 最坏情况\n\n");
        md.append("仅夸克1款产品平均日活超千万，超过2600万。").append(LONG_WORD).append(" 之后的文字。\n\n");
        md.append("正文 *一 **二 *三 **四 *五层INLINEDEEP* 四** 三* 二** 一*。\n\n");
        // five containers deep: call-out > call-out > call-out > list > list
        md.append("> [!NOTE] 第一层\n> > [!NOTE] 第二层\n> > > [!NOTE] 第三层\n> > > - 第四层\n> > >   - 第五层DEEPTEXT\n\n");
        md.append("Table: 最宽的表\n\n|");
        for (int c = 1; c <= 10; c++) md.append(" COL").append(c).append(" |");
        md.append("\n|").append("---|".repeat(10)).append('\n');
        for (int r = 1; r <= 300; r++) {
            md.append('|');
            for (int c = 1; c <= 10; c++) md.append(" r").append(r).append("c").append(c).append(c == 10 ? "L" : "").append(" |");
            md.append('\n');
        }
        // a formula near the widest allowed (38 of 40 ems typeset) and the widest preformatted line (80 columns)
        md.append("\n![](figure:dau)\n\n```math\n").append("x+".repeat(21)).append("x\n```\n");
        md.append("\n```text\n").append("x+".repeat(40)).append("\n```\n");
        return md.toString();
    }

    @Test
    void theWorstValidModelRendersInBoundedTimeAndKeepsEveryWord() throws Exception {
        Files.createSymbolicLink(root.resolve("assets"), Path.of("assets").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        String categories = IntStream.rangeClosed(1, 40).mapToObj(i -> "类" + i).collect(Collectors.joining(", ", "[", "]"));
        String values = IntStream.rangeClosed(1, 40).mapToObj(i -> String.valueOf(1000 + i)).collect(Collectors.joining(", ", "[", "]"));
        String seed = MiniModel.SEED + IntStream.rangeClosed(1, 40).mapToObj(i -> String.valueOf(1000 + i)).collect(Collectors.joining(" ")) + "\n";
        MiniModel m = new MiniModel(root.resolve("seeds"))
                .put("chapters/01-apps.md", worstChapter())
                .put("sources/seed.txt", seed)
                .edit("datasets/dau.yaml", "categories: [夸克, 豆包]", "categories: " + categories)
                .edit("datasets/dau.yaml", "values: [超2600万, 超760万]", "values: " + values)
                .edit("datasets/dau.yaml", "from: [seed.txt:3]", "from: [seed.txt:4]");
        m.write();
        Generate g = new Generate(root, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Report report = g.load("mini");
        long t0 = System.nanoTime();
        Generate.Summary s = assertTimeoutPreemptively(BOUND, () -> g.render(report, Optional.empty()));
        System.out.printf("worst valid model: %d pages, %d slides in %.1f s%n", s.pdf().pages(), s.deck().slides(), (System.nanoTime() - t0) / 1e9);

        try (PDDocument pdf = Loader.loadPDF(s.pdf().pdf())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            for (String w : List.of("DEEPTEXT", "INLINEDEEP", LONG_WORD, "COL1", "COL10", "r1c10L", "r300c1", "r300c10L", "之后的文字")) {
                assertTrue(text.contains(w), w + " is missing from the PDF");
            }
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertTrue(f.isEmbedded(), f.getName() + " is not embedded");
                }
            }
            assertTrue(pdf.getNumberOfPages() < 40, pdf.getNumberOfPages() + " pages");
            List<String> offPage = offPage(pdf);
            assertEquals(List.of(), offPage, "text runs off the page");
        }
    }

    /** Characters drawn (partly) outside the page's media box, as "page N: c". */
    static List<String> offPage(PDDocument pdf) throws IOException {
        List<String> out = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                float w = getCurrentPage().getMediaBox().getWidth();
                if ((t.getXDirAdj() + t.getWidthDirAdj() > w + 0.5f || t.getXDirAdj() < -0.5f) && out.size() < 20) {
                    out.add("page " + getCurrentPageNo() + ": " + t.getUnicode());
                }
            }
        };
        s.getText(pdf);
        return out;
    }
}
