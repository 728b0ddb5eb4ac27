package ai.qbit.reports.render;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.ChineseNumerals;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * What templates ask of the model that is not a plain field: the kind of a block or run (for th:switch),
 * figure and table labels, chart sizes. It returns data, never markup.
 */
public final class View {
    private final Report report;
    private final ChartFactory charts;

    public View(Report report, ChartFactory charts) {
        this.report = report;
        this.charts = charts;
    }

    public String kind(Object o) {
        if (o instanceof Block.Heading h) return "h" + h.level();
        if (o instanceof Block.Paragraph) return "paragraph";
        if (o instanceof Block.ListBlock l) return l.ordered() ? "ol" : "ul";
        if (o instanceof Block.Table) return "table";
        if (o instanceof Block.QuoteBlock) return "quote";
        if (o instanceof Block.FigureRef) return "figure";
        if (o instanceof Block.Callout) return "callout";
        if (o instanceof Block.Formula) return "formula";
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

    /** Blocks without the footnotes, which are set apart at the chapter's end. */
    public List<Block> mainBlocks(Chapter c) {
        return c.body().stream().filter(b -> !(b instanceof Block.Footnote)).toList();
    }

    public List<Block.Footnote> footnotes(Chapter c) {
        return c.body().stream().filter(b -> b instanceof Block.Footnote).map(b -> (Block.Footnote) b).toList();
    }

    /** "5-3" for figure 3 of trend 5; for other chapters their position letter, so labels stay unique. */
    public String number(Chapter c, int n) {
        return prefix(c) + "-" + n;
    }

    private String prefix(Chapter c) {
        if (c.isTrend()) return Integer.toString(c.number());
        List<Chapter> others = report.allChapters().stream().filter(x -> !x.isTrend()).toList();
        int i = others.indexOf(c);
        return i < 0 ? "0" : String.valueOf((char) ('A' + i % 26));
    }

    public Dataset dataset(String id) {
        return report.dataset(id);
    }

    public String figureTitle(Block.FigureRef f) {
        return f.caption().isEmpty() ? dataset(f.datasetId()).title() : f.caption();
    }

    /** CSS height in points for a chart drawn {@code widthPt} wide. */
    public int chartHeight(String datasetId, int widthPt) {
        return Math.round(charts.preferredHeight(dataset(datasetId), widthPt));
    }

    public String partNumber(Part p) {
        return String.format("%02d", p.number());
    }

    public String chinese(int n) {
        return ChineseNumerals.of(n);
    }

    public String date() {
        return report.date().format(DateTimeFormatter.ofPattern("yyyy年M月", Locale.CHINA));
    }

    public String year() {
        return Integer.toString(report.date().getYear());
    }

    public String plain(List<Inline> runs) {
        return Inline.plain(runs);
    }

    public int fnIndex(Inline.FootnoteRef r) {
        return r.number();
    }

    public String href(String anchor) {
        return "#" + anchor;
    }
}
