package ai.qbit.reports.load;

import ai.qbit.reports.model.ChartType;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.SourceRef;
import ai.qbit.reports.model.Value;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads and checks one {@code datasets/<id>.yaml}: shape, numbers, and that every number is stated where it claims. */
final class DatasetLoader {
    /** Categories of one chart: more cannot be labelled legibly (2024 uses at most 19); pies and donuts take fewer. */
    static final int MAX_CATEGORIES = 40, MAX_SLICES = 12;
    /** Series of one chart: the theme's palette repeats after a few, and the legend grows. */
    static final int MAX_SERIES = 8;
    /** A category label: a longer one is cut short on the axis (2024's longest has 25 characters). */
    static final int MAX_CATEGORY = 40;

    private DatasetLoader() {
    }

    /** @param fileName "t5-app-dau.yaml", the name the id must match; {@code text} its content */
    static Dataset load(String fileName, String text, String display, SourceDocuments sources, Problems problems) {
        YNode root = YamlDoc.parse(text, display, problems).orElse(null);
        if (root == null || !root.requireMapping("id", "title", "chart", "unit", "scale", "categories", "series",
                "source", "from", "note")) return null;
        int before = problems.size();
        String stem = fileName.replaceFirst("\\.ya?ml$", "");
        String id = root.text("id");
        if (!id.isEmpty() && !id.equals(stem)) root.get("id").problem("id \"" + id + "\" differs from the file name \"" + stem + "\"; make them equal");
        String title = root.text("title");
        String chartName = root.text("chart");
        ChartType chart = ChartType.parse(chartName).orElse(null);
        if (chart == null && !chartName.isEmpty()) root.get("chart").problem("unknown chart type \"" + chartName + "\"; expected one of: " + ChartType.names());
        String unit = root.optText("unit").orElse("");
        String scale = root.optText("scale").orElse("linear");
        if (!scale.equals("linear") && !scale.equals("log")) root.get("scale").problem("expected linear or log, found \"" + scale + "\"");
        boolean log = scale.equals("log");

        root.printedFields("title", "categories", "source", "note");
        List<String> categories = root.textList("categories");
        int maxCategories = chart != null && chart.isPieLike() ? MAX_SLICES : MAX_CATEGORIES;
        if (categories.size() > maxCategories) {
            root.get("categories").problem(categories.size() + " categories; a " + (chart == null ? "" : chart.yamlName() + " ")
                    + "chart can label at most " + maxCategories + "; keep the largest and sum the rest as one category, or use a table");
            return null;
        }
        if (categories.isEmpty()) root.get("categories").problem("expected at least one category");
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).codePointCount(0, categories.get(i).length()) > MAX_CATEGORY) {
                root.get("categories").items().get(i).problem("a category label of more than " + MAX_CATEGORY
                        + " characters is cut short on the chart's axis; shorten it (the note can explain)");
            }
        }
        Set<String> seen = new HashSet<>();
        for (String c : categories) if (!seen.add(c)) root.get("categories").problem("category \"" + c + "\" appears twice");

        List<SourceDocuments.Line> fromLines = new ArrayList<>();
        List<SourceRef> from = new ArrayList<>();
        List<YNode> fromNodes = root.get("from").isMissing() ? List.of() : root.get("from").items();
        if (fromNodes.isEmpty()) root.get("from").problem("missing; expected the seed lines that state these numbers, e.g. [002_60ebbbbbae8729be.txt:1109]");
        for (YNode f : fromNodes) {
            String ref = f.scalar("a source line");
            if (ref == null) continue;
            SourceDocuments.Line line = sources.resolve(ref, f);
            if (line != null) {
                fromLines.add(line);
                from.add(new SourceRef(line.file(), line.number()));
            }
        }

        ValueParser.Unit u = ValueParser.Unit.parse(unit);
        List<Dataset.Series> series = new ArrayList<>();
        List<YNode> seriesNodes = root.list("series");
        if (seriesNodes.isEmpty()) root.get("series").problem("expected at least one series with name and values");
        if (seriesNodes.size() > MAX_SERIES) {
            root.get("series").problem(seriesNodes.size() + " series; a chart shows at most " + MAX_SERIES + "; split it into several charts");
            return null;
        }
        for (YNode s : seriesNodes) {
            if (!s.requireMapping("name", "values")) continue;
            String name = s.text("name");
            s.printedFields("name");
            List<YNode> valueNodes = s.list("values");
            if (valueNodes.size() != categories.size()) {
                s.get("values").problem("has " + valueNodes.size() + " values but there are " + categories.size()
                        + " categories; give one value per category (null where the source gives none)");
            }
            List<Optional<Value>> values = new ArrayList<>();
            for (YNode v : valueNodes) {
                if (v.isMissing()) {
                    values.add(Optional.empty());
                    continue;
                }
                String raw = v.scalar("a number");
                if (raw == null) {
                    values.add(Optional.empty());
                    continue;
                }
                ValueParser.Result r = ValueParser.parse(raw, u);
                if (r.value().isEmpty()) {
                    v.problem(r.error());
                    values.add(Optional.empty());
                    continue;
                }
                Value value = r.value().get();
                if (log && value.low() <= 0) v.problem("a log scale needs values above zero, found \"" + raw + "\"");
                if (chart != null && chart.isPieLike() && (value.low() < 0 || value.isRange())) {
                    v.problem("a " + chart.yamlName() + " chart shows shares of a whole: expected a single value of zero or more, found \"" + raw + "\"");
                }
                if (!fromLines.isEmpty() && !SourceDocuments.statedOn(raw, fromLines)) {
                    v.problem("\"" + raw + "\" is not stated on any `from` line (" + String.join(", ", from.stream().map(SourceRef::toString).toList())
                            + "); cite the line that holds this number");
                }
                values.add(Optional.of(value));
            }
            series.add(new Dataset.Series(name, values));
        }
        if (chart != null && chart.isPieLike() && series.size() != 1) root.get("series").problem("a " + chart.yamlName() + " chart takes exactly one series");
        if (chart == ChartType.GROUPED_BAR && series.size() < 2) root.get("series").problem("a grouped-bar chart needs at least two series");
        String source = root.text("source");
        Optional<String> note = root.optText("note");
        if (problems.size() > before || chart == null) return null;
        return new Dataset(id, title, chart, unit, log, categories, series, source, note, from);
    }
}
