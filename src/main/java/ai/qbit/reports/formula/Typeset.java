package ai.qbit.reports.formula;

import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Color;

/**
 * The one door to JLaTeXMath, for the loader (does a formula parse, how big is it) and the writers (draw it).
 * JLaTeXMath keeps parser tables and fonts in static state filled lazily, so every call goes through one lock:
 * the PDF, the briefs and the deck may typeset on different threads.
 */
public final class Typeset {
    private static final Object LOCK = new Object();

    private Typeset() {
    }

    /** A formula that JLaTeXMath refused, with its own words. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * The formula set in display style at {@code size} (points: JLaTeXMath's unit is the pixel, and without a screen
     * it counts 72 to the inch), drawn in {@code ink}.
     */
    public static TeXIcon icon(String latex, float size, Color ink) throws Refused {
        synchronized (LOCK) {
            TeXFormula formula;
            try {
                formula = new TeXFormula(latex);
            } catch (RuntimeException | StackOverflowError e) {
                // ParseException is a RuntimeException; JLaTeXMath also lets slip others on odd input
                String m = e.getMessage();
                throw new Refused(m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").strip());
            }
            TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, size);
            icon.setForeground(ink);
            return icon;
        }
    }

    /**
     * Whether JLaTeXMath draws {@code c} from its own fonts. Anything else it would take from a font of the machine
     * (AWT's "SansSerif"), which differs between machines or lacks the glyph.
     */
    public static boolean ownGlyph(int c) {
        if (c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t') return true;
        if (c >= 0x10000) return false;
        synchronized (LOCK) {
            new TeXFormula(); // the class's static setup loads the symbol tables
            return c < TeXFormula.symbolMappings.length && TeXFormula.symbolMappings[c] != null
                    || c < TeXFormula.symbolTextMappings.length && TeXFormula.symbolTextMappings[c] != null;
        }
    }
}
