package ai.qbit.reports.render.pdf;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A font's glyph for a character, looked up once per process (every PDF of a run asks for the same few thousand). */
final class GlyphIds {
    private static final FontRenderContext FRC = new FontRenderContext(null, false, false);
    private static final Map<Font, Map<Integer, Integer>> CACHE = new ConcurrentHashMap<>();

    private GlyphIds() {
    }

    /** The glyph id, or 0 (.notdef) when the font does not have the character. */
    static int of(Font font, int codePoint) {
        return CACHE.computeIfAbsent(font, f -> new ConcurrentHashMap<>()).computeIfAbsent(codePoint,
                cp -> font.canDisplay(cp) ? font.createGlyphVector(FRC, Character.toString(cp)).getGlyphCode(0) : 0);
    }
}
