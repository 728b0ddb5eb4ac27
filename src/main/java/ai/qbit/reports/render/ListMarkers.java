package ai.qbit.reports.render;

import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.lang.Numerals;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Locale;

/**
 * The bullets and numbers of lists, written as text (searchable, copyable, tagged as Lbl) rather than left to
 * Flying Saucer, which draws disc/circle/square markers as shapes, placed from the item's first line box.
 * Each nesting level has its own style, from the language pack: {@code list.bullet.<level>} for unordered lists,
 * {@code list.number.<level>} (a pattern, {0} the number) in {@code list.number.<level>.numerals} for ordered ones.
 * Below the deepest level the pack defines, the levels repeat from the first.
 */
public final class ListMarkers {
    private static final FontRenderContext EXACT = new FontRenderContext(null, true, true);
    private final LanguagePack lang;
    private final Font font;

    /** {@code font}: the theme's regular face, which the markers are set in; it measures their width. */
    public ListMarkers(LanguagePack lang, Font font) {
        this.lang = lang;
        this.font = font.deriveFont(1000f);
    }

    /** The marker of item {@code index} (0-based) of a list at nesting {@code depth} (1 = outermost). */
    public String marker(boolean ordered, int start, int index, int depth) {
        if (!ordered) return lang.msg("list.bullet." + level("list.bullet.", depth));
        int level = level("list.number.", depth);
        String numerals = lang.msgOr("list.number." + level + ".numerals", "arabic");
        return lang.msg("list.number." + level, Numerals.format(start + index, numerals));
    }

    /** The width, in em of the marker's font, of the widest marker of a list of {@code count} items. */
    public double width(boolean ordered, int start, int count, int depth) {
        double widest = 0;
        for (int i = 0; i < Math.max(count, 1); i++) {
            String m = marker(ordered, start, i, depth);
            widest = Math.max(widest, font.getStringBounds(m, EXACT).getWidth() / 1000);
            if (!ordered) break; // every bullet of a list is the same
        }
        return widest;
    }

    /** {@link #width} as a CSS length, rounded up to a hundredth of an em. */
    public String widthCss(boolean ordered, int start, int count, int depth) {
        return String.format(Locale.ROOT, "%.2fem", Math.ceil(width(ordered, start, count, depth) * 100) / 100);
    }

    /** 1, 2, … up to the number of levels the pack defines for {@code prefix}, then again from 1. */
    private int level(String prefix, int depth) {
        int levels = 0;
        while (lang.has(prefix + (levels + 1))) levels++;
        if (levels == 0) throw new java.util.MissingResourceException("language pack " + lang.tag() + " has no message " + prefix + "1",
                "messages", prefix + "1");
        return (Math.max(depth, 1) - 1) % levels + 1;
    }
}
