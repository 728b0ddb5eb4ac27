package ai.qbit.reports.chart;

import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Value;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/** Labels each bar or point with the value as the source states it ("超2600万", "140-200万"). */
final class RawValueLabels implements CategoryItemLabelGenerator {
    private final Dataset dataset;

    RawValueLabels(Dataset dataset) {
        this.dataset = dataset;
    }

    @Override
    public String generateLabel(CategoryDataset data, int row, int column) {
        String category = data.getColumnKey(column).toString();
        int c = dataset.categories().indexOf(category);
        if (row >= dataset.series().size() || c < 0) return null;
        return dataset.series().get(row).values().get(c).map(Value::raw).orElse(null);
    }

    @Override
    public String generateRowLabel(CategoryDataset data, int row) {
        return data.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset data, int column) {
        return data.getColumnKey(column).toString();
    }
}
