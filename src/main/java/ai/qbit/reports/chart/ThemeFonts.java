package ai.qbit.reports.chart;

import ai.qbit.reports.fonts.FontCache;
import ai.qbit.reports.model.Theme;

import java.awt.Font;

/**
 * The theme's bundled fonts as AWT fonts, loaded once per file ({@link FontCache}). Charts never depend on fonts installed on the
 * machine: the same TTF the PDF embeds draws every chart label.
 */
public final class ThemeFonts {
    private final Font regular;
    private final Font bold;

    public ThemeFonts(Theme theme) {
        this.regular = FontCache.awt(theme.regularFont());
        this.bold = FontCache.awt(theme.boldFont());
    }

    /**
     * Makes the bundled fonts known to AWT by family name, so text measured by name (POI's text height
     * for the deck) uses the same metrics a presenter's PowerPoint will.
     */
    public void registerWithAwt() {
        java.awt.GraphicsEnvironment env = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment();
        env.registerFont(regular);
        env.registerFont(bold);
    }

    public Font regular(float size) {
        return regular.deriveFont(Font.PLAIN, size);
    }

    public Font bold(float size) {
        return bold.deriveFont(Font.PLAIN, size);
    }

    /** True when {@code font} was derived from the bold file (PdfGraphics2D maps it back to the bold TTF). */
    public boolean isBold(Font font) {
        return font.getFontName().equals(bold.getFontName());
    }
}
