package ai.qbit.reports.render;

import ai.qbit.reports.formula.FormulaText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The alternative text of a formula: its LaTeX as a reader would say it, without backslashes or braces. */
class FormulaTextTest {
    @Test
    void theSampleFormulasRead() {
        assertEquals("S_t = k_0 v_0 + … + k_t v_t", FormulaText.readable("S_t = k_0 v_0 + \\dots + k_t v_t"));
        assertEquals("v_0 = k_0^T S_t = k_0^T k_0 v_0 + … + k_0^T k_t v_t",
                FormulaText.readable("v_0 = k_0^T S_t = k_0^T k_0 v_0 + \\dots + k_0^T k_t v_t"));
        assertEquals("W' = conv_transpose2d(W, I, stride = r).", FormulaText.readable("W' = \\text{conv\\_transpose2d}(W, I, \\text{stride} = r)."));
        assertEquals("Performance ~ C · N^(-α)", FormulaText.readable("\\text{Performance} \\sim C \\cdot N^{-\\alpha}"));
    }

    @Test
    void fractionsScriptsAndUnknownCommands() {
        assertEquals("share_A = u_A/(u_A + u_B) ≤ 1", FormulaText.readable("\\text{share}_A = \\frac{u_A}{u_A + u_B} \\leq 1"));
        assertEquals("log x + x^(2n)", FormulaText.readable("\\log x + x^{2n}"));
    }
}
