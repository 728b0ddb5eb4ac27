package ai.qbit.reports.render;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Report;

import java.util.ArrayList;
import java.util.List;

/**
 * What templates ask of the model that is not a plain field: the kind of a block or run (for th:switch),
 * figure and table labels, chart sizes. It returns data, never markup.
 */
public final class View {
    private final Report report;
    private final ChartFactory charts;
    private final Labels labels;
    private ListMarkers markers;
    private TableLayout tables;
    private final java.util.Map<Block.Table, TableLayout.Plan> plans = new java.util.IdentityHashMap<>();

    public View(Report report, ChartFactory charts) {
        this.report = report;
        this.charts = charts;
        this.labels = new Labels(report);
    }

    /** The bullets and numbers of lists in the report's language, set in the theme's font. */
    public ListMarkers markers() {
        if (markers == null) markers = new ListMarkers(report.lang(), ai.qbit.reports.fonts.FontCache.awt(report.theme().regularFont()));
        return markers;
    }

    /** The marker of item {@code index} (0-based) of {@code list} at nesting {@code depth} (1 = outermost). */
    public String marker(Block.ListBlock list, int index, int depth) {
        return markers().marker(list.ordered(), list.start(), index, depth);
    }

    /** The width of {@code list}'s widest marker, as a CSS length: the gutter its markers hang in. */
    public String markerWidth(Block.ListBlock list, int depth) {
        return markers().widthCss(list.ordered(), list.start(), list.items().size(), depth);
    }

    /** Chapter labels, kickers, units and dates in the report's language. */
    public Labels labels() {
        return labels;
    }

    public String kind(Object o) {
        if (o instanceof Block.Heading h) return "h" + h.level();
        if (o instanceof Block.Paragraph) return "paragraph";
        if (o instanceof Block.ListBlock l) return l.ordered() ? "ol" : "ul";
        if (o instanceof Block.Table) return "table";
        if (o instanceof Block.QuoteBlock) return "quote";
        if (o instanceof Block.FigureRef) return "figure";
        if (o instanceof Block.LostFigure) return "lost-figure";
        if (o instanceof Block.LostText) return "lost-text";
        if (o instanceof Block.Callout) return "callout";
        if (o instanceof Block.Formula) return "formula";
        if (o instanceof Block.Preformatted) return "preformatted";
        if (o instanceof Block.Footnote) return "footnote";
        if (o instanceof Inline.Text) return "text";
        if (o instanceof Inline.Strong) return "strong";
        if (o instanceof Inline.Emphasis) return "em";
        if (o instanceof Inline.Link) return "link";
        if (o instanceof Inline.Code) return "code";
        if (o instanceof Inline.LineBreak) return "br";
        if (o instanceof Inline.FootnoteRef) return "fnref";
        throw new IllegalArgumentException("no view kind for " + o.getClass());
    }

    /** A formula's LaTeX made readable, for its alternative text. */
    public String formulaText(Block.Formula f) {
        return ai.qbit.reports.formula.FormulaText.readable(f.text());
    }

    /** Blocks without the footnotes, which are set apart at the chapter's end. */
    public List<Block> mainBlocks(Chapter c) {
        return c.body().stream().filter(b -> !(b instanceof Block.Footnote)).toList();
    }

    /**
     * The blocks in groups the page must not split: a heading (or a run of headings) with the block after it when
     * that block is itself kept whole (a small table, a figure, a call-out, a quote, a formula, a lost-figure
     * note), so the heading moves with it instead of staying alone at the foot of a page; headings in a row
     * likewise. Every other block is a group of one.
     */
    public List<List<Block>> keptTogether(List<Block> list) {
        List<List<Block>> groups = new ArrayList<>();
        int i = 0;
        while (i < list.size()) {
            int j = i;
            while (j < list.size() && list.get(j) instanceof Block.Heading) j++;
            if (j > i && j < list.size() && keptWhole(list.get(j))) {
                groups.add(List.copyOf(list.subList(i, j + 1)));
                i = j + 1;
            } else if (j - i > 1) { // headings in a row move together; the last keeps room for what follows
                groups.add(List.copyOf(list.subList(i, j)));
                i = j;
            } else {
                groups.add(List.of(list.get(i)));
                i++;
            }
        }
        return groups;
    }

    private boolean keptWhole(Block b) {
        if (b instanceof Block.Table t) return table(t).small();
        return b instanceof Block.FigureRef || b instanceof Block.Callout || b instanceof Block.QuoteBlock
                || b instanceof Block.Formula || b instanceof Block.LostFigure || b instanceof Block.LostText;
    }

    public List<Block.Footnote> footnotes(Chapter c) {
        return c.body().stream().filter(b -> b instanceof Block.Footnote).map(b -> (Block.Footnote) b).toList();
    }

    /** "5-3" for figure 3 of chapter 5 (see {@link Labels#figureNumber}). */
    public String number(Chapter c, int n) {
        return labels.figureNumber(c, n);
    }

    /** The number the report gives the first figure of {@code c} drawn from {@code datasetId} ("5-3"). */
    public String figureNumberOf(Chapter c, String datasetId) {
        return findFigure(c.body(), datasetId).map(f -> number(c, f.number())).orElse(number(c, 1));
    }

    static java.util.Optional<Block.FigureRef> findFigure(List<Block> blocks, String datasetId) {
        for (Block b : blocks) {
            if (b instanceof Block.FigureRef f && f.datasetId().equals(datasetId)) return java.util.Optional.of(f);
            List<Block> inner = b instanceof Block.Callout co ? co.body()
                    : b instanceof Block.ListBlock l ? l.items().stream().flatMap(List::stream).toList() : List.of();
            var found = findFigure(inner, datasetId);
            if (found.isPresent()) return found;
        }
        return java.util.Optional.empty();
    }

    /** The chart's alternative text (its figure label and title, unit, every value as stated, source). */
    public String chartAlt(Chapter c, Block.FigureRef f) {
        return new ChartAlt(report).of(c, f);
    }

    /** The alternative text of the chart of {@code datasetId} where chapter {@code c} features it (a brief). */
    public String chartAlt(Chapter c, String datasetId) {
        return new ChartAlt(report).of(c, datasetId);
    }

    public Dataset dataset(String id) {
        return report.dataset(id);
    }

    public String figureTitle(Block.FigureRef f) {
        return f.caption().isEmpty() ? dataset(f.datasetId()).title() : f.caption();
    }

    /** Column widths and the keep-whole decision of a table (see {@link TableLayout}). */
    /** A table's plan, measured once: the grouping of blocks and the template both ask for it (briefs share a View across threads). */
    public synchronized TableLayout.Plan table(Block.Table t) {
        if (tables == null) tables = new TableLayout(report.theme(), report.lang().locale());
        return plans.computeIfAbsent(t, tables::plan);
    }

    /** The table type and padding, for report.css: the widths are computed with the same numbers. */
    public double tableFontPt() {
        return TableLayout.FONT_PT;
    }

    /** CSS height in points for a chart drawn {@code widthPt} wide. */
    public int chartHeight(String datasetId, int widthPt) {
        return Math.round(charts.preferredHeight(dataset(datasetId), widthPt));
    }


    public String year() {
        return Integer.toString(report.date().getYear());
    }

    private static final String CLOSING = "，。、；：？！）」』”’》】〕…—,.;:?!)";
    private static final String OPENING = "（「『“‘《【〔(";

    /**
     * Kinsoku across run boundaries. Flying Saucer may break a line wherever one inline element ends and the next
     * begins, so "**显著**，成为" could put "，" at the start of a line. Closing punctuation that follows a styled run
     * is moved into it, and an opening bracket or quote that precedes one is moved in too.
     */
    public List<Inline> runs(List<Inline> in) {
        List<Inline> out = new java.util.ArrayList<>(in);
        for (int i = 1; i < out.size(); i++) {
            if (out.get(i) instanceof Inline.Text t && isStyled(out.get(i - 1))) {
                int n = 0;
                while (n < t.text().length() && CLOSING.indexOf(t.text().charAt(n)) >= 0) n++;
                if (n > 0) {
                    out.set(i - 1, withText(out.get(i - 1), t.text().substring(0, n), false));
                    out.set(i, new Inline.Text(t.text().substring(n)));
                }
            }
        }
        for (int i = 0; i + 1 < out.size(); i++) {
            if (out.get(i) instanceof Inline.Text t && isStyled(out.get(i + 1))) {
                int n = t.text().length();
                while (n > 0 && OPENING.indexOf(t.text().charAt(n - 1)) >= 0) n--;
                if (n < t.text().length()) {
                    out.set(i + 1, withText(out.get(i + 1), t.text().substring(n), true));
                    out.set(i, new Inline.Text(t.text().substring(0, n)));
                }
            }
        }
        return out;
    }

    private static boolean isStyled(Inline r) {
        return r instanceof Inline.Strong || r instanceof Inline.Emphasis || r instanceof Inline.Link;
    }

    private static Inline withText(Inline styled, String text, boolean atStart) {
        List<Inline> children = new java.util.ArrayList<>();
        if (styled instanceof Inline.Strong s) children.addAll(s.children());
        else if (styled instanceof Inline.Emphasis e) children.addAll(e.children());
        else if (styled instanceof Inline.Link l) children.addAll(l.children());
        if (atStart) children.add(0, new Inline.Text(text));
        else children.add(new Inline.Text(text));
        if (styled instanceof Inline.Strong) return new Inline.Strong(children);
        if (styled instanceof Inline.Emphasis) return new Inline.Emphasis(children);
        return new Inline.Link(((Inline.Link) styled).href(), children);
    }

    public String plain(List<Inline> runs) {
        return Inline.plain(runs);
    }

}
