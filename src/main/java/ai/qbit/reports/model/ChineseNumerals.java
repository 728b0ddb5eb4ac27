package ai.qbit.reports.model;

/** Chinese numerals for the small ordinals a report uses (趋势一 … 趋势九十九). */
public final class ChineseNumerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    public static String of(int n) {
        if (n < 0 || n > 99) return Integer.toString(n);
        if (n < 10) return String.valueOf(DIGITS.charAt(n));
        int tens = n / 10, ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }
}
