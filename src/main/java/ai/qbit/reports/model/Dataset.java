package ai.qbit.reports.model;

import java.util.List;
import java.util.Optional;

/** The numbers behind one figure, with the chart a reader sees and where every number comes from. */
public record Dataset(
        String id,
        String title,
        ChartType chart,
        String unit,
        boolean logScale,
        List<String> categories,
        List<Series> series,
        String source,
        Optional<String> note,
        List<SourceRef> from) {

    public Dataset {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        from = List.copyOf(from);
    }

    /** One named row of values, aligned with the categories; an absent value is empty. */
    public record Series(String name, List<Optional<Value>> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

}
