package ai.qbit.reports.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formatting for axes: no trailing zeros, grouping only where it helps. */
final class ValueFormat {
    private ValueFormat() {
    }

    static DecimalFormat axis() {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
