package ai.qbit.reports.load;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ```math block is LaTeX that JLaTeXMath typesets: one that does not parse, uses a character the formula fonts
 * lack or would not fit the page is a model error at its file:line, saying what was expected, never a stack trace.
 * ```text blocks stay preformatted text.
 */
class FormulaLoadTest {
    @TempDir
    Path tmp;

    private static final String FILE = "seeds/mini/chapters/00-preface.md:";

    /** The preface with {@code body} as its only section's content: line 3 is the first line of {@code body}. */
    private MiniModel preface(String body) {
        return new MiniModel(tmp.resolve("seeds")).put("chapters/00-preface.md", "## 式\n\n" + body);
    }

    private String refused(MiniModel m) {
        Path dir = m.write();
        ModelException e = assertThrows(ModelException.class, () -> new ReportLoader(MiniModel.assets()).load(dir));
        assertFalse(e.getMessage().contains("\tat "), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        return e.getMessage();
    }

    private static void has(String msg, String... parts) {
        for (String p : parts) assertTrue(msg.contains(p), "expected «" + p + "» in:\n" + msg);
    }

    @Test
    void theSampleFormulasParse() throws Exception {
        Report r = new ReportLoader(MiniModel.assets()).load(preface("""
                ```math
                S_t = k_0 v_0 + \\dots + k_t v_t
                ```

                ```math
                W' = \\text{conv\\_transpose2d}(W, I, \\text{stride} = r).
                ```

                ```math
                \\text{Performance} \\sim C \\cdot N^{-\\alpha}
                ```

                ```text
                set as written
                ```
                """).write());
        List<Block> body = r.allChapters().stream().filter(c -> c.id().equals("preface")).findFirst().orElseThrow().body();
        assertEquals(3, body.stream().filter(b -> b instanceof Block.Formula).count(), body.toString());
        assertEquals(1, body.stream().filter(b -> b instanceof Block.Preformatted).count(), body.toString());
        Block.Formula first = (Block.Formula) body.stream().filter(b -> b instanceof Block.Formula).findFirst().orElseThrow();
        assertEquals("S_t = k_0 v_0 + \\dots + k_t v_t", first.text());
    }

    @Test
    void anUnknownCommandIsRefusedAtItsLine() {
        has(refused(preface("```math\nx = \\foo{y}\n```\n")), FILE + "4: the formula is not LaTeX that JLaTeXMath understands (",
                "'foo'", "expected LaTeX math");
    }

    @Test
    void unbalancedBracesAreRefusedAtTheirLine() {
        has(refused(preface("```math\nx = 1\n+ \\frac{a}{b\n```\n")), FILE + "5: a { that is never closed; expected a } for every {");
        has(refused(preface("```math\na} = b\n```\n")), FILE + "4: a } that closes no {");
        // escaped braces are characters, not groups
        preface("```math\n\\{ a \\} = b\n```\n").write();
    }

    @Test
    void aCharacterTheFormulaFontsLackIsRefused() {
        has(refused(preface("```math\na = b\nc ≤ d\n```\n")), FILE + "5: the character ≤ (U+2264) is not in the formula fonts; expected LaTeX");
        has(refused(preface("```math\n\\text{性能} = x\n```\n")), FILE + "4: the character 性 (U+6027) is not in the formula fonts");
    }

    @Test
    void anEmptyOrOversizedFormulaIsRefused() {
        has(refused(preface("```math\n\n```\n")), FILE + "3: an empty ```math block");
        has(refused(preface("```math\n" + "x+".repeat(50) + "\n```\n")), FILE + "4: the formula is ", " ems wide when typeset; at most 40");
        has(refused(preface("```math\n\\begin{array}{c}" + "x \\\\ ".repeat(30) + "\\end{array}\n```\n")), FILE + "4: the formula is ", " ems high when typeset");
        has(refused(preface("```math\n" + "{".repeat(30) + "x" + "}".repeat(30) + "\n```\n")), FILE + "4: braces nested 21 deep; at most 20");
    }
}
