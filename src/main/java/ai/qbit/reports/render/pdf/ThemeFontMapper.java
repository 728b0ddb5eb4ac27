package ai.qbit.reports.render.pdf;

import ai.qbit.reports.chart.ThemeFonts;
import ai.qbit.reports.model.Theme;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;

import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Maps every AWT font a chart draws with to the theme's TrueType files, embedded as subsets. */
final class ThemeFontMapper implements FontMapper {
    private final ThemeFonts fonts;
    private final BaseFont regular;
    private final BaseFont bold;

    ThemeFontMapper(Theme theme, ThemeFonts fonts) {
        this.fonts = fonts;
        try {
            this.regular = BaseFont.createFont(theme.regularFont().toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            this.bold = BaseFont.createFont(theme.boldFont().toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException(e);
        }
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
