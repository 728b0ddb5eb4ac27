package ai.qbit.reports.render;

import ai.qbit.reports.fonts.FontCache;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Theme;
import com.lowagie.text.pdf.BaseFont;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The column widths of a report table, computed from its cells with the metrics of the font the PDF embeds.
 * Flying Saucer's automatic layout lets {@code word-wrap: break-word} shrink a column to one character, so prices,
 * dates and Latin words were broken; here each column gets a minimum (its widest unbreakable run: a Latin word, a
 * number, a date — a CJK character breaks anywhere — and for a header at least {@link #HEADER_MIN_EM} em, so a
 * header never stacks one character per line) and a preferred width (its longest line unbroken). Columns whose
 * preferred width fits their share of the page get it; the others share the rest in proportion, never below their
 * minimum. The template sets the result as {@code <col>} widths of a fixed-layout table. The same walk estimates the
 * table's height, which decides whether it is small enough to keep on one page.
 */
public final class TableLayout {
    /** The type of table cells (report.css takes it from here). */
    public static final double FONT_PT = 8.5;
    public static final double LINE_HEIGHT = 1.5;
    /** Horizontal cell padding, each side; vertical padding of body and header cells. */
    public static final double PAD_X_MM = 2, PAD_TD_MM = 1.3, PAD_TH_MM = 1.5;
    private static final double CODE_PT = 9, FNREF_PT = 6.5;
    /** A header cell wraps no narrower than this many ems (or its own width, when shorter). */
    static final double HEADER_MIN_EM = 4;
    /** Measured widths get this much room for rounding in the layout engine. */
    private static final double SLACK_PT = 1.5;
    /** A table at most this fraction of the text height (caption included) is kept on one page. */
    static final double SMALL_FRACTION = 0.5;
    private static final double MM = Theme.Page.PT_PER_MM;
    /** A long table's caption keeps its header and this many rows with it; its last this many rows stay together. */
    public static final int KEPT_ROWS = 2;

    /** One column's needs in points, cell padding included. */
    public record Column(double min, double pref) {
    }

    /**
     * Widths as percentages of the table (summing to 100), the estimated height in points, whether to keep it whole,
     * and the height of its header and first {@link #KEPT_ROWS} rows, which a long table keeps with its caption.
     */
    public record Plan(List<Column> columns, List<Double> percents, double heightPt, boolean small, double leadPt) {
        /** The lead as a CSS length. */
        public String lead() {
            return Math.round(leadPt) + "pt";
        }

        /** The rows before the last ones: all rows of a small table. */
        public List<List<List<Inline>>> leadingRows(Block.Table t) {
            return t.rows().subList(0, split(t));
        }

        /** A long table's last {@link #KEPT_ROWS} rows, which stay together on its last page; none for a small one. */
        public List<List<List<Inline>>> lastRows(Block.Table t) {
            return t.rows().subList(split(t), t.rows().size());
        }

        private int split(Block.Table t) {
            return small ? t.rows().size() : Math.max(0, t.rows().size() - KEPT_ROWS);
        }

        /** The CSS width of column {@code i}: "23.457%". */
        public String width(int i) {
            return java.math.BigDecimal.valueOf(percents.get(i)).setScale(3, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() + "%";
        }
    }

    private final BaseFont regular;
    private final BaseFont bold;
    private final Locale locale;
    private final double widthPt;
    private final double heightPt;

    public TableLayout(Theme theme, Locale locale) {
        this(FontCache.pdf(theme.regularFont()), FontCache.pdf(theme.boldFont()), locale,
                theme.page().textWidthPt(), theme.page().textHeightPt());
    }

    TableLayout(BaseFont regular, BaseFont bold, Locale locale, double widthPt, double heightPt) {
        this.regular = regular;
        this.bold = bold;
        this.locale = locale;
        this.widthPt = widthPt;
        this.heightPt = heightPt;
    }

    public Plan plan(Block.Table t) {
        int n = t.header().size();
        List<Column> cols = new ArrayList<>();
        double pad = 2 * PAD_X_MM * MM + SLACK_PT;
        for (int c = 0; c < n; c++) {
            Text head = text(t.header().get(c), true);
            double min = Math.max(head.widest(), Math.min(head.longestLine(), HEADER_MIN_EM * FONT_PT));
            double pref = head.longestLine();
            for (List<List<Inline>> row : t.rows()) {
                if (c >= row.size()) continue;
                Text cell = text(row.get(c), false);
                min = Math.max(min, cell.widest());
                pref = Math.max(pref, cell.longestLine());
            }
            cols.add(new Column(min + pad, Math.max(min, pref) + pad));
        }
        double[] w = distribute(cols, widthPt);
        double total = 0;
        for (double x : w) total += x;
        List<Double> percents = new ArrayList<>();
        for (double x : w) percents.add(100 * x / total);

        double height = FONT_PT * 1.2 * 1.5 + 2 * MM; // the caption line and its margin
        height += rowHeight(t.header(), w, true);
        double lead = height;
        for (int i = 0; i < t.rows().size(); i++) {
            double h = rowHeight(t.rows().get(i), w, false);
            height += h;
            if (i < KEPT_ROWS) lead += h;
        }
        boolean small = height <= SMALL_FRACTION * heightPt || t.rows().size() <= 2 * KEPT_ROWS && height <= 0.9 * heightPt;
        return new Plan(List.copyOf(cols), List.copyOf(percents), height, small, Math.min(lead, SMALL_FRACTION * heightPt));
    }

    /**
     * Widths summing to {@code avail}: when even the minima do not fit, in proportion to them; otherwise columns
     * whose preferred width is at most an equal share of what is left take it (narrowest first), and the rest share
     * the remainder in proportion to their preferred widths, each at least its minimum. Spare room when everything
     * fits goes to all columns in proportion, as in CSS.
     */
    static double[] distribute(List<Column> cols, double avail) {
        int n = cols.size();
        double[] w = new double[n];
        double sumMin = cols.stream().mapToDouble(Column::min).sum();
        double sumPref = cols.stream().mapToDouble(Column::pref).sum();
        if (sumMin >= avail) {
            for (int i = 0; i < n; i++) w[i] = avail * cols.get(i).min() / sumMin;
            return w;
        }
        if (sumPref <= avail) {
            for (int i = 0; i < n; i++) w[i] = avail * cols.get(i).pref() / sumPref;
            return w;
        }
        boolean[] fixed = new boolean[n];
        double left = avail;
        int flexible = n;
        boolean changed = true;
        while (changed && flexible > 0) {
            changed = false;
            double share = left / flexible;
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && cols.get(i).pref() <= share) {
                    fixed[i] = true;
                    w[i] = cols.get(i).pref();
                    left -= w[i];
                    flexible--;
                    changed = true;
                }
            }
        }
        // the flexible columns: minimum first, then what is left in proportion to how much more each would take
        double flexMin = 0, flexExtra = 0;
        for (int i = 0; i < n; i++) if (!fixed[i]) {
            flexMin += cols.get(i).min();
            flexExtra += cols.get(i).pref() - cols.get(i).min();
        }
        if (flexMin > left) { // the fixed columns took too much: back to CSS's rule over all columns
            for (int i = 0; i < n; i++) {
                Column c = cols.get(i);
                w[i] = c.min() + (avail - sumMin) * (c.pref() - c.min()) / (sumPref - sumMin);
            }
            return w;
        }
        for (int i = 0; i < n; i++) if (!fixed[i]) {
            Column c = cols.get(i);
            w[i] = c.min() + (left - flexMin) * (flexExtra == 0 ? 1.0 / flexible : (c.pref() - c.min()) / flexExtra);
        }
        return w;
    }

    private double rowHeight(List<List<Inline>> row, double[] w, boolean header) {
        int lines = 1;
        for (int c = 0; c < row.size() && c < w.length; c++) {
            lines = Math.max(lines, text(row.get(c), header).lines(w[c] - 2 * PAD_X_MM * MM));
        }
        return lines * FONT_PT * LINE_HEIGHT + 2 * (header ? PAD_TH_MM : PAD_TD_MM) * MM + 0.5;
    }

    /** A cell's text as lines of break-separated pieces, each with its width in points. */
    private record Piece(double width, double trailingSpace) {
    }

    private record Text(List<List<Piece>> lines) {
        /** The widest piece: the narrowest the cell can be without breaking inside a word or number. */
        double widest() {
            return lines.stream().flatMap(List::stream).mapToDouble(Piece::width).max().orElse(0);
        }

        double longestLine() {
            double max = 0;
            for (List<Piece> line : lines) {
                double w = 0;
                for (int i = 0; i < line.size(); i++) w += line.get(i).width() + (i + 1 < line.size() ? line.get(i).trailingSpace() : 0);
                max = Math.max(max, w);
            }
            return max;
        }

        /** Lines when set {@code width} wide, filling greedily as the layout engine does. */
        int lines(double width) {
            int count = 0;
            for (List<Piece> line : lines) {
                count++;
                double x = 0;
                for (Piece p : line) {
                    if (x > 0 && x + p.width() > width) {
                        count++;
                        x = 0;
                    }
                    x += p.width() + p.trailingSpace();
                }
            }
            return Math.max(1, count);
        }
    }

    private record Run(String text, BaseFont font, double size) {
    }

    private Text text(List<Inline> cell, boolean header) {
        List<List<Run>> lines = new ArrayList<>();
        lines.add(new ArrayList<>());
        runs(cell, header, lines);
        List<List<Piece>> out = new ArrayList<>();
        for (List<Run> line : lines) out.add(pieces(line));
        return new Text(out);
    }

    private void runs(List<Inline> in, boolean strong, List<List<Run>> lines) {
        for (Inline r : in) {
            List<Run> line = lines.get(lines.size() - 1);
            if (r instanceof Inline.Text t) line.add(new Run(t.text(), strong ? bold : regular, FONT_PT));
            else if (r instanceof Inline.Strong s) runs(s.children(), true, lines);
            else if (r instanceof Inline.Emphasis e) runs(e.children(), strong, lines);
            else if (r instanceof Inline.Link l) runs(l.children(), strong, lines);
            else if (r instanceof Inline.Code c) line.add(new Run(c.text(), regular, CODE_PT));
            else if (r instanceof Inline.FootnoteRef f) line.add(new Run(Integer.toString(f.number()), regular, FNREF_PT));
            else if (r instanceof Inline.LineBreak) lines.add(new ArrayList<>());
        }
    }

    /** The line's text cut at its line-break opportunities (Unicode line breaking, as the layout engine uses). */
    private List<Piece> pieces(List<Run> line) {
        StringBuilder sb = new StringBuilder();
        for (Run r : line) sb.append(r.text());
        String s = sb.toString();
        double[] adv = new double[s.length()];
        int at = 0;
        for (Run r : line) {
            for (int i = 0; i < r.text().length(); ) {
                int cp = r.text().codePointAt(i);
                adv[at + i] = r.font().getWidthPoint(cp, (float) r.size());
                i += Character.charCount(cp);
            }
            at += r.text().length();
        }
        List<Piece> out = new ArrayList<>();
        BreakIterator it = BreakIterator.getLineInstance(locale);
        it.setText(s);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int textEnd = end;
            while (textEnd > start && Character.isWhitespace(s.charAt(textEnd - 1))) textEnd--;
            double w = 0, space = 0;
            for (int i = start; i < textEnd; i++) w += adv[i];
            for (int i = textEnd; i < end; i++) space += adv[i];
            out.add(new Piece(w, space));
        }
        return out;
    }
}
