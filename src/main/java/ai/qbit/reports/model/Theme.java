package ai.qbit.reports.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Colours, fonts and page geometry shared by the PDF, the charts and the deck. Colours are "#RRGGBB".
 * {@code series} are the chart palette in order. Text colours are paired with the backgrounds they are printed on:
 * {@code ink}, {@code strong}, {@code muted}, {@code primary} and {@code accent} on {@code paper}, {@code tint} and
 * {@code quote}; {@code onPrimary} and {@code accentOnPrimary} on {@code primary} (the loader checks their contrast).
 */
public record Theme(
        String name,
        String fontFamily,
        String fallbackFont,
        java.util.Optional<String> fallbackLatinFont,
        Path regularFont,
        Path boldFont,
        String primary,
        String accent,
        String ink,
        String muted,
        String rule,
        String paper,
        String tint,
        String quote,
        String strong,
        String onPrimary,
        String accentOnPrimary,
        List<String> series,
        Page page) {

    public Theme {
        series = List.copyOf(series);
    }

    /** WCAG 2.x relative luminance of a "#RRGGBB" colour, 0 (black) to 1 (white). */
    public static double luminance(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * linear(v >> 16 & 0xFF) + 0.7152 * linear(v >> 8 & 0xFF) + 0.0722 * linear(v & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG 2.x contrast ratio of two colours, 1 to 21, whichever is lighter. */
    public static double contrast(String a, String b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Of {@code candidates}, the colour that contrasts most with {@code background} (e.g. a label inside a bar). */
    public static String mostLegibleOn(String background, String... candidates) {
        String best = candidates[0];
        for (String c : candidates) if (contrast(c, background) > contrast(best, background)) best = c;
        return best;
    }

    /** Page margins in points, clockwise from the top as in CSS. */
    public record Margins(double top, double right, double bottom, double left) {
        /** The CSS {@code margin} value, in millimetres: "24mm 20mm 22mm 20mm". */
        public String css() {
            return Page.mm(top) + " " + Page.mm(right) + " " + Page.mm(bottom) + " " + Page.mm(left);
        }
    }

    /**
     * The paper the PDFs are printed on: the CSS size keyword, its width and height in points, the report's page
     * margins and the briefs' (which are tighter, to fit one page). Writers take every length that depends on the
     * paper from here, never from A4 constants.
     */
    public record Page(String size, double widthPt, double heightPt, Margins margin, Margins briefMargin) {
        public static final double PT_PER_MM = 72 / 25.4;
        /** The text height of A4 with the default margins, which the report's cover and opener layouts were drawn for. */
        private static final double DESIGN_TEXT_HEIGHT_PT = (297 - 24 - 22) * PT_PER_MM;

        public static final Margins DEFAULT_MARGIN = new Margins(24 * PT_PER_MM, 20 * PT_PER_MM, 22 * PT_PER_MM, 20 * PT_PER_MM);
        public static final Margins DEFAULT_BRIEF_MARGIN = new Margins(14 * PT_PER_MM, 18 * PT_PER_MM, 18 * PT_PER_MM, 18 * PT_PER_MM);

        /** The sizes a theme may name, with their CSS keyword and width × height in millimetres. */
        public enum Size {
            A4("A4", 210, 297), LETTER("letter", 215.9, 279.4), A5("A5", 148, 210), LEGAL("legal", 215.9, 355.6);

            public final String css;
            public final double widthMm, heightMm;

            Size(String css, double widthMm, double heightMm) {
                this.css = css;
                this.widthMm = widthMm;
                this.heightMm = heightMm;
            }

            /** The name as a theme writes it: A4, Letter, A5, Legal. */
            public String label() {
                return name().length() == 2 ? name() : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
            }
        }

        public static Page of(Size size, Margins margin, Margins briefMargin) {
            return new Page(size.css, size.widthMm * PT_PER_MM, size.heightMm * PT_PER_MM, margin, briefMargin);
        }

        public static Page a4() {
            return of(Size.A4, DEFAULT_MARGIN, DEFAULT_BRIEF_MARGIN);
        }

        /** The report's text width in points (482 on A4): figures are drawn exactly this wide. */
        public int textWidthPt() {
            return (int) Math.round(widthPt - margin.left() - margin.right());
        }

        /** The report's text height in points. */
        public double textHeightPt() {
            return heightPt - margin.top() - margin.bottom();
        }

        /** A brief's text width in points (493 on A4): its chart is drawn this wide. */
        public int briefTextWidthPt() {
            return (int) Math.round(widthPt - briefMargin.left() - briefMargin.right());
        }

        /** From a brief's top margin to the bottom edge of the sheet, in points. */
        public float briefBelowTopMarginPt() {
            return (float) (heightPt - briefMargin.top());
        }

        /** The CSS {@code margin} of the report's pages. */
        public String marginCss() {
            return margin.css();
        }

        /** The CSS {@code margin} of the briefs' pages. */
        public String briefMarginCss() {
            return briefMargin.css();
        }

        /** The height of a full-page block (cover, part opener): the text height less 1 mm, 250mm on A4. */
        public String coverHeight() {
            return mm(textHeightPt() - PT_PER_MM);
        }

        /**
         * A vertical length the cover and part openers were designed with on A4 ({@code designMm} millimetres),
         * scaled to this page's text height, so a shorter page keeps the same proportions: "48mm" on A4.
         */
        public String tall(double designMm) {
            return mm(designMm * PT_PER_MM * textHeightPt() / DESIGN_TEXT_HEIGHT_PT);
        }

        /** Points as a CSS length in millimetres, at most three decimals: "24mm", "44.558mm". */
        static String mm(double pt) {
            return java.math.BigDecimal.valueOf(pt / PT_PER_MM).setScale(3, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() + "mm";
        }
    }
}
