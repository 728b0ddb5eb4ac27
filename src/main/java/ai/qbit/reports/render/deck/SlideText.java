package ai.qbit.reports.render.deck;

import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import java.awt.Color;
import java.util.List;
import java.util.Optional;

/** Filling layout placeholders with text that fits, and speaker notes. */
final class SlideText {
    /** Below this a slide is no longer readable from the back of a room; content is split instead. */
    static final double MIN_FONT = 12;

    /** One paragraph: runs of (text, size, bold, colour), a list level, and alignment. */
    record Para(List<Run> runs, int level, boolean bullet, TextParagraph.TextAlign align, Double spaceBefore) {
        Para(List<Run> runs, int level, boolean bullet, TextParagraph.TextAlign align) {
            this(runs, level, bullet, align, null);
        }

        static Para of(String text, double size) {
            return new Para(List.of(new Run(text, size, false, null)), 0, false, null);
        }

        static Para bullet(String text, double size, int level) {
            return new Para(List.of(new Run(text, size, false, null)), level, true, null);
        }
    }

    record Run(String text, double size, boolean bold, Color color) {
    }

    private SlideText() {
    }

    static XSLFTextShape title(XSLFSlide slide) {
        return find(slide, Placeholder.TITLE, Placeholder.CENTERED_TITLE)
                .orElseThrow(() -> new IllegalStateException("layout " + slide.getSlideLayout().getName() + " has no title placeholder"));
    }

    static Optional<XSLFTextShape> body(XSLFSlide slide) {
        return find(slide, Placeholder.BODY, Placeholder.CONTENT, Placeholder.SUBTITLE);
    }

    /** The slide's body placeholders in the layout's order (idx): a kind's layout may have several (cards, attribution). */
    static List<XSLFTextShape> bodies(XSLFSlide slide) {
        return java.util.Arrays.stream(slide.getPlaceholders())
                .filter(s -> s.getPlaceholderDetails().getPlaceholder() == Placeholder.BODY || s.getPlaceholderDetails().getPlaceholder() == Placeholder.CONTENT)
                .sorted(java.util.Comparator.comparingLong(s -> s.getXmlObject() instanceof org.openxmlformats.schemas.presentationml.x2006.main.CTShape sp
                        && sp.getNvSpPr().getNvPr().isSetPh() ? sp.getNvSpPr().getNvPr().getPh().getIdx() : 0))
                .toList();
    }

    private static Optional<XSLFTextShape> find(XSLFSheet sheet, Placeholder... types) {
        for (Placeholder type : types) {
            for (XSLFTextShape s : sheet.getPlaceholders()) {
                if (s.getPlaceholderDetails().getPlaceholder() == type) return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Positions a shape on its own sheet. A placeholder without its own transform inherits its parent's, and
     * POI's setAnchor would then move the layout's or master's box for every slide; so give it its own first.
     */
    static void moveTo(org.apache.poi.xslf.usermodel.XSLFSimpleShape shape, java.awt.geom.Rectangle2D r) {
        if (shape.getXmlObject() instanceof org.openxmlformats.schemas.presentationml.x2006.main.CTShape sp) {
            var spPr = sp.getSpPr() == null ? sp.addNewSpPr() : sp.getSpPr();
            if (!spPr.isSetXfrm()) spPr.addNewXfrm();
        }
        shape.setAnchor(r);
    }

    static void setTitle(XSLFSlide slide, String text) {
        XSLFTextShape t = title(slide);
        t.clearText();
        t.setText(text);
        fit(t);
    }

    /** Replaces the placeholder's text with {@code paras}, then shrinks it until it fits its box. */
    static void fill(XSLFTextShape shape, List<Para> paras) {
        write(shape, paras);
        Fitting f = new Fitting(shape);
        f.fit();
        f.roomy();
    }

    /** Replaces the placeholder's text with {@code paras} at their sizes, without measuring. */
    static void write(XSLFTextShape shape, List<Para> paras) {
        shape.clearText();
        for (Para p : paras) {
            XSLFTextParagraph tp = shape.addNewTextParagraph();
            tp.setIndentLevel(p.level());
            tp.setBullet(p.bullet());
            if (!p.bullet()) {
                tp.setIndent(0d);
                tp.setLeftMargin(0d);
            }
            if (p.align() != null) tp.setTextAlign(p.align());
            // negative: points, not a share of the line; gaps grow with the text so a short list still fills the slide
            double size = p.runs().isEmpty() ? 18 : p.runs().get(0).size();
            tp.setSpaceBefore(shape.getTextParagraphs().size() == 1 ? 0d : p.spaceBefore() != null ? -p.spaceBefore()
                    : p.level() > 0 ? -Math.max(3, size * 0.25) : -Math.max(8, size * 0.6));
            for (Run r : p.runs()) {
                XSLFTextRun run = tp.addNewTextRun();
                run.setText(r.text());
                run.setFontSize(r.size());
                run.setBold(r.bold());
                if (r.color() != null) run.setFontColor(r.color());
            }
        }
        // the size is measured here; an office suite's own shrink-on-overflow would second-guess it (LibreOffice
        // shrinks text that fits by half), so this body does not autofit
        var pr = shape.getTextBody().getXmlObject().getBodyPr();
        if (pr.isSetNormAutofit()) pr.unsetNormAutofit();
        if (pr.isSetSpAutoFit()) pr.unsetSpAutoFit();
        if (!pr.isSetNoAutofit()) pr.addNewNoAutofit();
    }

    /** Sets the body in {@code n} columns (the agenda, the closing list): a placeholder property, so templates keep working. */
    static void columns(XSLFTextShape shape, int n) {
        var pr = shape.getTextBody().getXmlObject().getBodyPr();
        // set even for one column: a layout's body may have two (the built-in agenda), and the slide's count is measured
        pr.setNumCol(n);
        if (n > 1) pr.setSpcCol(org.apache.poi.util.Units.toEMU(36));
    }

    /**
     * Sets the sizes and paragraph spacing of a text {@link #write} wrote to those {@code paras} give (the same
     * texts at other sizes): the XML {@code write(shape, paras)} would give, on the same paragraphs and runs.
     */
    static void resize(XSLFTextShape shape, List<Para> paras) {
        List<XSLFTextParagraph> tps = shape.getTextParagraphs();
        if (tps.size() != paras.size()) throw new IllegalArgumentException("resize: " + paras.size() + " paragraphs for " + tps.size());
        for (int i = 0; i < paras.size(); i++) {
            Para p = paras.get(i);
            XSLFTextParagraph tp = tps.get(i);
            double size = p.runs().isEmpty() ? 18 : p.runs().get(0).size();
            tp.setSpaceBefore(i == 0 ? 0d : p.spaceBefore() != null ? -p.spaceBefore()
                    : p.level() > 0 ? -Math.max(3, size * 0.25) : -Math.max(8, size * 0.6));
            List<XSLFTextRun> runs = tp.getTextRuns();
            for (int j = 0; j < p.runs().size(); j++) runs.get(j).setFontSize(p.runs().get(j).size());
        }
    }

    /** Does the laid-out text fit the box (with the bundled font's metrics)? */
    static boolean fits(XSLFTextShape shape) {
        return new Fitting(shape).fits();
    }

    /** Shrinks every run in steps until the text fits; never below {@link #MIN_FONT}. */
    static void fit(XSLFTextShape shape) {
        new Fitting(shape).fit();
    }

    /** The height the text needs in its box (see {@link Fitting#textHeight}). */
    static double textHeight(XSLFTextShape shape) {
        return new Fitting(shape).textHeight();
    }

    /**
     * One text being sized in its box: the text and the box stay, the run sizes change. Measured with
     * {@link TextMeasure} (POI's layout, each property looked up once), and each size measured once.
     */
    static final class Fitting {
        private final XSLFTextShape shape;
        private final TextMeasure measure;
        private final double available;
        private double height = Double.NaN;
        private boolean ownBox;

        Fitting(XSLFTextShape shape) {
            this.shape = shape;
            this.measure = new TextMeasure(shape);
            this.available = measure.box().getHeight() - shape.getTopInset() - shape.getBottomInset();
        }

        boolean fits() {
            return textHeight() <= available + 0.5;
        }

        /** The sizes or spacing were changed from outside ({@link #resize}): measure again. */
        void changed() {
            height = Double.NaN;
        }

        /**
         * The height the text needs; in a body of n columns, its height laid out one column wide, divided by n with a
         * margin for paragraphs that cannot break across a column (POI's layout knows no columns).
         */
        double textHeight() {
            if (!Double.isNaN(height)) return height;
            var pr = shape.getTextBody().getXmlObject().getBodyPr();
            int n = pr.isSetNumCol() ? pr.getNumCol() : 1;
            if (n <= 1) return height = measure.height(null);
            java.awt.geom.Rectangle2D box = measure.box();
            double gap = pr.isSetSpcCol() ? org.apache.poi.util.Units.toPoints(pr.getSpcCol()) : 0;
            // the shape keeps a box of its own, as when it was measured by narrowing it and putting it back
            if (!ownBox) moveTo((org.apache.poi.xslf.usermodel.XSLFSimpleShape) shape, box);
            ownBox = true;
            return height = measure.height((box.getWidth() - gap * (n - 1)) / n) / n * 1.15;
        }

        /** Shrinks every run in steps until the text fits; never below {@link #MIN_FONT}. */
        void fit() {
            for (int step = 0; step < 12 && !fits(); step++) {
                boolean shrunk = false;
                for (XSLFTextParagraph p : shape.getTextParagraphs()) {
                    for (XSLFTextRun r : p.getTextRuns()) {
                        Double size = r.getFontSize();
                        double s = size == null ? 18 : size;
                        if (s * 0.92 >= MIN_FONT) {
                            r.setFontSize(Math.floor(s * 0.92 * 2) / 2);
                            shrunk = true;
                        }
                    }
                }
                if (shrunk) height = Double.NaN;
                else break;
            }
        }

        /**
         * A short text in a large body: grown (at most half as large again, never past 60 pt) while it fits; if it
         * still fills less than half the box, the box closes round it, centred where it was, so the slide is not a
         * corner of text.
         */
        void roomy() {
            for (int step = 0; step < 6 && textHeight() < available / 2; step++) {
                scale(1.08);
                if (!fits() || maxSize() > 60) {
                    scale(1 / 1.08);
                    break;
                }
            }
            double used = textHeight();
            if (used < available / 2) {
                java.awt.geom.Rectangle2D box = measure.box();
                double h = used + shape.getTopInset() + shape.getBottomInset() + 2;
                moveTo((org.apache.poi.xslf.usermodel.XSLFSimpleShape) shape, new java.awt.geom.Rectangle2D.Double(box.getX(), box.getY() + (box.getHeight() - h) / 3, box.getWidth(), h));
            }
        }

        private void scale(double factor) {
            for (XSLFTextParagraph p : shape.getTextParagraphs()) {
                for (XSLFTextRun r : p.getTextRuns()) {
                    Double size = r.getFontSize();
                    r.setFontSize(Math.round((size == null ? 18 : size) * factor * 2) / 2.0);
                }
            }
            height = Double.NaN;
        }

        private double maxSize() {
            double max = 0;
            for (XSLFTextParagraph p : shape.getTextParagraphs()) {
                for (XSLFTextRun r : p.getTextRuns()) max = Math.max(max, r.getFontSize() == null ? 18 : r.getFontSize());
            }
            return max;
        }
    }

    static void notes(org.apache.poi.xslf.usermodel.XMLSlideShow show, XSLFSlide slide, String text) {
        XSLFNotes notes = show.getNotesSlide(slide);
        for (XSLFTextShape s : notes.getPlaceholders()) {
            if (s.getPlaceholderDetails().getPlaceholder() == Placeholder.BODY) {
                s.clearText();
                s.setText(text);
                return;
            }
        }
    }

    /** Removes placeholders left empty, so no "Click to add text" prompt shows in the presentation. */
    static void dropEmptyPlaceholders(XSLFSlide slide) {
        for (XSLFTextShape s : slide.getPlaceholders()) {
            if (s.getText().isBlank()) slide.removeShape(s);
        }
    }
}
