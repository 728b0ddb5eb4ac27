package ai.qbit.reports.lang;

/**
 * Numeral systems a language pack can ask for when it labels chapters (趋势五, Chapter 5, Part V, Appendix B).
 * The pack names the system; this class only writes numbers.
 */
public final class Numerals {
    private static final String CHINESE = "零一二三四五六七八九";

    private Numerals() {
    }

    /** {@code n} in {@code system}: arabic (default), chinese, roman, upper-roman, alpha, upper-alpha. */
    public static String format(int n, String system) {
        return switch (system) {
            case "chinese" -> chinese(n);
            case "roman" -> roman(n).toLowerCase(java.util.Locale.ROOT);
            case "upper-roman" -> roman(n);
            case "alpha" -> alpha(n).toLowerCase(java.util.Locale.ROOT);
            case "upper-alpha" -> alpha(n);
            default -> Integer.toString(n);
        };
    }


    static String chinese(int n) {
        if (n < 0 || n > 99) return Integer.toString(n);
        if (n < 10) return String.valueOf(CHINESE.charAt(n));
        int tens = n / 10, ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(CHINESE.charAt(tens))) + "十" + (ones == 0 ? "" : String.valueOf(CHINESE.charAt(ones)));
    }

    static String roman(int n) {
        if (n <= 0 || n >= 4000) return Integer.toString(n);
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) while (n >= v[i]) { sb.append(s[i]); n -= v[i]; }
        return sb.toString();
    }

    static String alpha(int n) {
        if (n <= 0) return Integer.toString(n);
        StringBuilder sb = new StringBuilder();
        while (n > 0) { n--; sb.insert(0, (char) ('A' + n % 26)); n /= 26; }
        return sb.toString();
    }
}
