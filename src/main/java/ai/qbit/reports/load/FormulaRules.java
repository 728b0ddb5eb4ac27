package ai.qbit.reports.load;

import ai.qbit.reports.formula.Typeset;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Color;
import java.util.Locale;

/**
 * What a ```math block must be: LaTeX that JLaTeXMath parses, written with characters its own fonts have, small
 * enough to typeset onto one page. Each problem is reported at the formula's line, with what was expected.
 */
final class FormulaRules {
    /** Characters of one formula's source: a formula is a line or a few, not a document. */
    static final int MAX_CHARACTERS = 2000;
    /** Braces inside braces: the parser recurses once per level. */
    static final int MAX_NESTING = 20;
    /**
     * Width of the typeset formula in ems (multiples of its font size). 40 ems of 11 pt fill A4's text width; the PDF
     * shrinks a wider formula to the column (A5, Letter), which stays readable up to this width.
     */
    static final double MAX_WIDTH_EM = 40;
    /** Height in ems: a formula cannot break across pages; 20 ems of 11 pt are about a third of a page. */
    static final double MAX_HEIGHT_EM = 20;
    /** The size the formula is measured at; any size works, the limits are relative to it. */
    private static final float MEASURE_SIZE = 100f;

    private FormulaRules() {
    }

    /**
     * Checks the LaTeX of the ```math block whose opening fence is on {@code fenceLine}; {@code text} starts on the
     * next line.
     */
    static void check(String text, int fenceLine, Problems problems, String file) {
        int first = fenceLine + 1;
        if (text.isBlank()) {
            problems.add(file, fenceLine, 0, "", "an empty ```math block: expected the formula's LaTeX, e.g. E = mc^2");
            return;
        }
        if (text.length() > MAX_CHARACTERS) {
            problems.add(file, first, 0, "", "a formula of " + text.length() + " characters; at most " + MAX_CHARACTERS
                    + " (a formula is set on one page); split it into several ```math blocks");
            return;
        }
        if (!charactersOk(text, first, problems, file) || !bracesOk(text, first, problems, file)) return;
        TeXIcon icon;
        try {
            icon = Typeset.icon(text, MEASURE_SIZE, Color.BLACK);
        } catch (Typeset.Refused e) {
            problems.add(file, first, 0, "", "the formula is not LaTeX that JLaTeXMath understands (" + e.getMessage()
                    + "); expected LaTeX math such as x^2 + \\frac{a}{b}, words in \\text{…}");
            return;
        }
        double width = icon.getTrueIconWidth() / MEASURE_SIZE, height = icon.getTrueIconHeight() / MEASURE_SIZE;
        if (width > MAX_WIDTH_EM) {
            problems.add(file, first, 0, "", "the formula is " + ems(width) + " ems wide when typeset; at most "
                    + ems(MAX_WIDTH_EM) + " fit the page; split it into several ```math blocks");
        } else if (height > MAX_HEIGHT_EM) {
            problems.add(file, first, 0, "", "the formula is " + ems(height) + " ems high when typeset; at most "
                    + ems(MAX_HEIGHT_EM) + " (a formula never breaks across pages); split it into several ```math blocks");
        }
    }

    private static String ems(double v) {
        return String.format(Locale.ROOT, "%.1f", v).replace(".0", "");
    }

    /** A character the formula fonts lack would be drawn from whatever font the machine has, or not at all. */
    private static boolean charactersOk(String text, int first, Problems problems, String file) {
        int line = first;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            if (cp == '\n') line++;
            else if (type == Character.CONTROL && cp != '\t' && cp != '\r' || type == Character.FORMAT) {
                return false; // TextRules reports it, with its column
            } else if (!Typeset.ownGlyph(cp)) {
                problems.add(file, line, 0, "", "the character " + new String(Character.toChars(cp))
                        + String.format(Locale.ROOT, " (U+%04X)", cp) + " is not in the formula fonts; expected LaTeX"
                        + " (a command such as \\leq or \\alpha), or the words in the text around the formula");
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** JLaTeXMath closes an unclosed brace silently; TeX does not. */
    private static boolean bracesOk(String text, int first, Problems problems, String file) {
        int line = first, depth = 0;
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') line++;
            else if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') i++; // \{ \} \\ are not groups
            else if (c == '{') {
                open.push(line);
                if (++depth > MAX_NESTING) {
                    problems.add(file, line, 0, "", "braces nested " + depth + " deep; at most " + MAX_NESTING);
                    return false;
                }
            } else if (c == '}') {
                if (open.isEmpty()) {
                    problems.add(file, line, 0, "", "a } that closes no {; expected braces in pairs");
                    return false;
                }
                open.pop();
                depth--;
            }
        }
        if (!open.isEmpty()) {
            problems.add(file, open.peek(), 0, "", "a { that is never closed; expected a } for every {");
            return false;
        }
        return true;
    }
}
