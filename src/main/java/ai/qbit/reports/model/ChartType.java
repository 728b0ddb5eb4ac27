package ai.qbit.reports.model;

import java.util.Arrays;
import java.util.Optional;

/** The chart kinds the toolkit draws, by their names in dataset files. */
public enum ChartType {
    BAR("bar"), HBAR("hbar"), GROUPED_BAR("grouped-bar"), STACKED_BAR("stacked-bar"),
    LINE("line"), PIE("pie"), DONUT("donut"), RANGE("range");

    private final String yamlName;

    ChartType(String yamlName) {
        this.yamlName = yamlName;
    }

    public String yamlName() {
        return yamlName;
    }

    public static Optional<ChartType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ChartType::yamlName).toList());
    }

    public boolean isPieLike() {
        return this == PIE || this == DONUT;
    }
}
