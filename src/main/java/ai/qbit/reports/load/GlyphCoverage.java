package ai.qbit.reports.load;

import ai.qbit.reports.fonts.FontCache;
import ai.qbit.reports.model.Theme;

import java.awt.Font;
import java.io.IOException;

/**
 * Every character of the model must be drawable with the theme's font: a character the bundled font lacks
 * (an emoji, a rare Extension B ideograph) would print as a blank box, so it is a model error with its place.
 */
final class GlyphCoverage {
    private final Font regular;
    private final Font bold;
    private final String family;

    private GlyphCoverage(Font regular, Font bold, String family) {
        this.regular = regular;
        this.bold = bold;
        this.family = family;
    }

    static GlyphCoverage of(Theme theme) {
        try {
            return new GlyphCoverage(FontCache.awt(theme.regularFont()), FontCache.awt(theme.boldFont()), theme.fontFamily());
        } catch (RuntimeException e) {
            return null; // the theme loader has already reported an unreadable font
        }
    }

    /** Reports, per line, the first character of {@code text} (a file's content) the fonts cannot draw. */
    void check(String text, String file, Problems problems) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            for (int at = 0; at < line.length(); ) {
                int cp = line.codePointAt(at);
                if (!Character.isWhitespace(cp) && !Character.isISOControl(cp) && cp != 0xFEFF
                        && Character.getType(cp) != Character.FORMAT && !(regular.canDisplay(cp) && bold.canDisplay(cp))) {
                    problems.add(file, i + 1, line.substring(0, at).codePointCount(0, at) + 1, "",
                            "the character " + new String(Character.toChars(cp)) + " (U+" + Integer.toHexString(cp).toUpperCase()
                                    + ") is not in the font " + family + " and would print as a blank; write it differently or choose a theme font that has it");
                    break;
                }
                at += Character.charCount(cp);
            }
        }
    }

    static void checkText(GlyphCoverage g, String text, String display, Problems problems) {
        if (g != null && text != null) g.check(text, display, problems);
    }
}
