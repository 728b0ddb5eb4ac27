package ai.qbit.reports.render.pdf;

import ai.qbit.reports.chart.ThemeFonts;
import ai.qbit.reports.fonts.FontCache;
import ai.qbit.reports.model.Theme;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

import java.awt.Font;

/** Maps every AWT font a chart draws with to the theme's TrueType files, embedded as subsets. */
final class ThemeFontMapper implements FontMapper {
    private final ThemeFonts fonts;
    private final BaseFont regular;
    private final BaseFont bold;

    ThemeFontMapper(Theme theme, ThemeFonts fonts) {
        this.fonts = fonts;
        this.regular = FontCache.pdf(theme.regularFont());
        this.bold = FontCache.pdf(theme.boldFont());
    }

    @Override
    public BaseFont awtToPdf(Font font) {
        return fonts.isBold(font) ? bold : regular;
    }

    @Override
    public Font pdfToAwt(BaseFont font, int size) {
        return font == bold ? fonts.bold(size) : fonts.regular(size);
    }
}
