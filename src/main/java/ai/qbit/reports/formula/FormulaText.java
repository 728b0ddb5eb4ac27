package ai.qbit.reports.formula;

import java.util.Map;

/**
 * A formula's LaTeX made readable as plain text, for the alternative text of the typeset formula:
 * {@code \text{Performance} \sim C \cdot N^{-\alpha}} reads "Performance ~ C · N^(-α)". Commands become their
 * symbols, text commands their text, unknown commands their name ({@code \log} → log), braces go.
 */
public final class FormulaText {
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("dots", "…"), Map.entry("ldots", "…"), Map.entry("cdots", "⋯"), Map.entry("vdots", "⋮"),
            Map.entry("cdot", "·"), Map.entry("times", "×"), Map.entry("div", "÷"), Map.entry("pm", "±"), Map.entry("mp", "∓"),
            Map.entry("sim", "~"), Map.entry("approx", "≈"), Map.entry("propto", "∝"), Map.entry("equiv", "≡"),
            Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"), Map.entry("geq", "≥"),
            Map.entry("ne", "≠"), Map.entry("neq", "≠"), Map.entry("ll", "≪"), Map.entry("gg", "≫"),
            Map.entry("infty", "∞"), Map.entry("partial", "∂"), Map.entry("nabla", "∇"), Map.entry("sum", "∑"),
            Map.entry("prod", "∏"), Map.entry("int", "∫"), Map.entry("sqrt", "√"), Map.entry("in", "∈"),
            Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leftarrow", "←"), Map.entry("Rightarrow", "⇒"),
            Map.entry("mapsto", "↦"), Map.entry("prime", "′"), Map.entry("circ", "∘"), Map.entry("star", "⋆"),
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"), Map.entry("varphi", "φ"),
            Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"), Map.entry("Gamma", "Γ"),
            Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"), Map.entry("Pi", "Π"),
            Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"), Map.entry("Omega", "Ω"));
    /** Spacing commands and the like, which read as a space. */
    private static final String SPACES = ",;:! ~>";
    /** Commands that only style their argument: the argument is read as is. */
    private static final java.util.Set<String> STYLES = java.util.Set.of("text", "textrm", "textit", "textbf", "mathrm",
            "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathbb", "operatorname", "boldsymbol", "left", "right",
            "big", "Big", "bigg", "Bigg", "displaystyle", "textstyle", "quad", "qquad");

    private final String s;
    private int i;

    private FormulaText(String latex) {
        this.s = latex;
    }

    public static String readable(String latex) {
        StringBuilder out = new StringBuilder();
        new FormulaText(latex).sequence(out, false);
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Reads up to the end, or to the closing brace of the current group when {@code inGroup}. */
    private void sequence(StringBuilder out, boolean inGroup) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}') {
                i++;
                if (inGroup) return;
            } else if (c == '{') {
                i++;
                sequence(out, true);
            } else if (c == '\\') {
                command(out);
            } else if (c == '^' || c == '_') {
                i++;
                out.append(c);
                script(out);
            } else {
                out.append(c == '~' ? ' ' : c);
                i++;
            }
        }
    }

    /** The argument of ^ or _: one character stays as is, a longer group is put in parentheses. */
    private void script(StringBuilder out) {
        StringBuilder arg = new StringBuilder();
        argument(arg);
        String a = arg.toString().replaceAll("\\s+", " ").strip();
        out.append(a.codePointCount(0, a.length()) > 1 ? "(" + a + ")" : a);
    }

    /** One argument: a group, a command or a character. */
    private void argument(StringBuilder out) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        if (i >= s.length()) return;
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            sequence(out, true);
        } else if (c == '\\') {
            command(out);
        } else {
            out.appendCodePoint(s.codePointAt(i));
            i += Character.charCount(s.codePointAt(i));
        }
    }

    private void command(StringBuilder out) {
        i++; // the backslash
        if (i >= s.length()) return;
        char c = s.charAt(i);
        if (!Character.isLetter(c)) {
            i++;
            if (c == '\\') out.append(' ');
            else out.append(SPACES.indexOf(c) >= 0 ? " " : String.valueOf(c));
            return;
        }
        int start = i;
        while (i < s.length() && Character.isLetter(s.charAt(i))) i++;
        String name = s.substring(start, i);
        if (name.equals("frac") || name.equals("dfrac") || name.equals("tfrac")) {
            StringBuilder num = new StringBuilder(), den = new StringBuilder();
            argument(num);
            argument(den);
            out.append(grouped(num)).append('/').append(grouped(den));
        } else if (SYMBOLS.containsKey(name)) {
            String sym = SYMBOLS.get(name);
            // letters join what follows as in the source; operators stand apart
            if (Character.isLetter(sym.codePointAt(0))) out.append(sym);
            else out.append(' ').append(sym).append(' ');
        } else if (STYLES.contains(name)) {
            if (name.endsWith("quad")) out.append(' ');
        } else {
            out.append(' ').append(name).append(' ');
        }
    }

    /** A numerator or denominator in parentheses when it has operators: (a + b)/c, not a + b/c. */
    private static String grouped(StringBuilder part) {
        String p = part.toString().strip();
        return p.chars().anyMatch(ch -> " +-−=<>≤≥·×/,".indexOf(ch) >= 0) ? "(" + p + ")" : p;
    }
}
