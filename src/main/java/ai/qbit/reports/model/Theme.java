package ai.qbit.reports.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Colours and fonts shared by the PDF, the charts and the deck. Colours are "#RRGGBB".
 * {@code series} are the chart palette in order.
 */
public record Theme(
        String name,
        String fontFamily,
        String fallbackFont,
        Path regularFont,
        Path boldFont,
        String primary,
        String accent,
        String ink,
        String muted,
        String rule,
        String paper,
        String tint,
        List<String> series) {

    public Theme {
        series = List.copyOf(series);
    }
}
