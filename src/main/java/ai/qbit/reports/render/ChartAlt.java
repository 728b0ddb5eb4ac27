package ai.qbit.reports.render;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A chart's alternative text, composed from its dataset in the report's language: the figure's label and title, the
 * unit, every category with its value as the source states it (qualifier and range kept: 超2600万, about 40%), a
 * note, and the source. The report's chart (its {@code data-alt}) and the deck's native chart (its description)
 * say the same.
 */
public final class ChartAlt {
    private final Report report;
    private final Labels labels;

    public ChartAlt(Report report) {
        this.report = report;
        this.labels = new Labels(report);
    }

    /** The text for figure {@code f} of chapter {@code c}, as the report numbers and titles it. */
    public String of(Chapter c, Block.FigureRef f) {
        Dataset d = report.dataset(f.datasetId());
        String title = f.caption().isEmpty() ? d.title() : f.caption();
        return text(labels.msg("chart.alt.figure", labels.msg("figure.label", labels.figureNumber(c, f.number())), title), d);
    }

    /** The text for the chart of {@code datasetId} in chapter {@code c}: as its figure when the chapter shows it, else by its title. */
    public String of(Chapter c, String datasetId) {
        Optional<Block.FigureRef> f = View.findFigure(c.body(), datasetId);
        return f.isPresent() ? of(c, f.get()) : text(labels.msg("chart.alt.title", report.dataset(datasetId).title()), report.dataset(datasetId));
    }

    private String text(String heading, Dataset d) {
        StringBuilder sb = new StringBuilder(heading);
        if (!d.unit().isEmpty()) sb.append(labels.msg("chart.alt.unit", d.unit()));
        for (Dataset.Series series : d.series()) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < d.categories().size(); i++) {
                Optional<Value> v = series.values().get(i);
                points.add(labels.msg("chart.alt.point", d.categories().get(i), v.map(Value::raw).orElse(labels.msg("chart.alt.missing"))));
            }
            String list = String.join(labels.msg("chart.alt.separator"), points);
            sb.append(d.series().size() > 1 ? labels.msg("chart.alt.series", series.name(), list) : labels.msg("chart.alt.points", list));
        }
        d.note().ifPresent(n -> sb.append(labels.msg("chart.alt.note", n.replaceAll("[。.]$", ""))));
        sb.append(labels.msg("chart.alt.source", d.source()));
        return sb.toString();
    }
}
