package ai.qbit.reports.model;

/**
 * A number as the source states it: {@code raw} is the text ("接近2.7亿"), {@code qualifier} the hedge
 * (超, 约, 接近, 以上 …, empty when exact), {@code low}/{@code high} the value in the dataset's unit
 * (equal unless the source gives a range such as 140-200万).
 */
public record Value(String raw, String qualifier, double low, double high) {

    public boolean isRange() {
        return low != high;
    }

    /** The value a bar is drawn to: the number, or the middle of a range. */
    public double mid() {
        return (low + high) / 2;
    }

    @Override
    public String toString() {
        return raw;
    }
}
