package ai.qbit.reports.render.pdf;

import com.lowagie.text.pdf.PdfTemplate;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Graphics2D;

/**
 * A typeset formula painted as vectors: JLaTeXMath draws onto OpenPDF's PdfGraphics2D. Its glyphs are drawn as
 * their outlines (filled paths), so the PDF needs none of JLaTeXMath's fonts, embedded or not, and a reader meets
 * the formula through its alternative text, not as loose letters in the page text.
 */
final class FormulaElement extends FormElement {
    private final TeXIcon icon;
    /** Icon points to PDF points: below 1 when the formula is shrunk to its column. */
    private final float scale;

    /** {@code width} and {@code height} in layout dots, for the icon drawn at {@code scale}. */
    FormulaElement(TeXIcon icon, float scale, int width, int height) {
        super(width, height);
        this.icon = icon;
        this.scale = scale;
    }

    @Override
    Graphics2D graphics(PdfTemplate form, float w, float h) {
        return form.createGraphicsShapes(w, h);
    }

    @Override
    void draw(Graphics2D g, float w, float h) {
        g.scale(scale, scale);
        icon.paintIcon(null, g, 0, 0);
    }
}
