package ai.qbit.reports.load;

import ai.qbit.reports.model.Value;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses a number the way a report states it — Chinese ("接近2.7亿", "超2600万", "140-200万", "约380亿元以上") or
 * English ("about 29%", "over 4,000", "2.5M", "between 140 and 200", "3–5 million tonnes", "40+") — into a
 * {@link Value} in the dataset's unit. The qualifier is kept exactly as written.
 *
 * <p>Grammar, in order: [qualifier | between] [sign] [currency] number [range-separator [currency] number]
 * [magnitude] [unit] [suffix qualifier]. A magnitude and unit after a range are shared by both bounds.
 * The word lists below are grammar, not UI text: they say what a source may write, in either language.
 */
public final class ValueParser {
    /** Hedges written before the number. English ones match in any case ("About 29%"). */
    static final List<String> CHINESE_PREFIXES = List.of("超过", "超出", "超", "约", "接近", "将近", "近", "不到", "不足", "低于", "逾", "达");
    static final List<String> ENGLISH_PREFIXES = List.of("about", "around", "approximately", "approx.", "roughly", "nearly",
            "almost", "over", "more than", "above", "under", "less than", "below", "at least", "up to", "some");
    /** Hedges written after the number and unit ("380亿元以上", "5 GW or more"); "+" (40+) serves both languages. */
    static final List<String> CHINESE_SUFFIXES = List.of("以上", "左右", "余", "多", "+");
    static final List<String> ENGLISH_SUFFIXES = List.of("or more", "plus");

    /** Chinese magnitudes sit between number and unit with no space ("2.7亿元"). */
    static final Map<String, Double> CHINESE_MAGNITUDES = Map.of("万", 1e4, "百万", 1e6, "千万", 1e7, "亿", 1e8, "万亿", 1e12);
    /** English magnitude words, any case; also accepted at the start of a dataset unit ("billion kWh"). */
    static final Map<String, Double> ENGLISH_MAGNITUDE_WORDS = Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9, "trillion", 1e12);
    /** Abbreviations are case-sensitive on purpose: "t" is tonnes, and "b" is not a usual spelling of billion. */
    static final Map<String, Double> ENGLISH_MAGNITUDE_ABBREVIATIONS = Map.of(
            "k", 1e3, "K", 1e3, "m", 1e6, "M", 1e6, "mn", 1e6, "bn", 1e9, "B", 1e9, "tn", 1e12, "T", 1e12);

    /** Unit words that mean "%"; compared case-insensitively. */
    static final List<String> PERCENT_WORDS = List.of("%", "percent", "per cent");
    /** Counters a Chinese source may write after a plain count when the dataset declares no unit (3个, 2-8倍). */
    static final String CHINESE_COUNTERS = "个款家次倍";
    /** A currency symbol is accepted only when the dataset unit is one of these names of that currency. */
    static final Map<String, List<String>> CURRENCIES = Map.of(
            "$", List.of("$", "US$", "USD", "dollars", "US dollars", "美元"),
            "US$", List.of("$", "US$", "USD", "dollars", "US dollars", "美元"),
            "€", List.of("€", "EUR", "euros", "euro", "欧元"),
            "£", List.of("£", "GBP", "pounds", "pounds sterling", "英镑"));

    /** Digits with optional thousands separators and decimals; the separators are validated after matching. */
    private static final String NUMBER = "\\d[\\d,]*(?:\\.\\d+)?";
    /** A well-formed number: commas only between groups of exactly three digits. */
    private static final Pattern WELL_FORMED = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");
    /** A number token in free text, for provenance: same shape, also allowing the full-width comma of Chinese text. */
    private static final Pattern NUMBER_TOKEN = Pattern.compile("\\d{1,3}(?:[,，]\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?");

    private static final Pattern VALUE = Pattern.compile("^"
            + "(?:(?<between>(?i:between))\\s+|(?<q>" + alt(CHINESE_PREFIXES) + "|(?iu:" + alt(ENGLISH_PREFIXES) + "))\\s*)?"
            + "(?<sign>[-−+])?\\s*(?<cur>" + alt(CURRENCIES.keySet()) + ")?\\s*"
            + "(?<low>" + NUMBER + ")"
            // "-" needs no spaces ("140-200"); words need them ("140 to 200", "between 140 and 200")
            + "(?:(?<sep>\\s*[-~～—–至]\\s*|\\s+(?i:to|and)\\s+)(?:\\k<cur>)?\\s*(?<high>" + NUMBER + "))?"
            + "\\s*(?<mag>" + alt(CHINESE_MAGNITUDES.keySet())
            // an English magnitude must end its word, so "kWh", "MW", "Mt", "millions" stay units
            + "|(?:(?iu:" + alt(ENGLISH_MAGNITUDE_WORDS.keySet()) + ")|" + alt(ENGLISH_MAGNITUDE_ABBREVIATIONS.keySet()) + ")(?![\\p{L}\\p{N}]))?"
            // a unit starts with anything but a digit or number punctuation (%, GW, 元, ℃ …); lazy, so a trailing
            // "or more" / "plus" is read as a suffix before it is read as a unit
            + "(?:\\s*(?<unit>[^\\d\\s\\-−–—~～+,.].*?))??"
            + "\\s*(?<suffix>" + alt(CHINESE_SUFFIXES) + "|(?iu:" + alt(ENGLISH_SUFFIXES) + "))?$");

    /** The unit a dataset declares, split into magnitude (万/亿/million) and the rest (元, %, kWh …). */
    public record Unit(double magnitude, String rest) {
        private static final Pattern MAGNITUDE_WORD = Pattern.compile("(?iu)(" + alt(ENGLISH_MAGNITUDE_WORDS.keySet()) + ")(?:\\s+|$)(.*)");

        public static Unit parse(String unit) {
            String u = unit.strip();
            for (String m : longestFirst(CHINESE_MAGNITUDES.keySet())) {
                if (u.startsWith(m)) return new Unit(CHINESE_MAGNITUDES.get(m), u.substring(m.length()));
            }
            // only whole words: "MW", "kWh" and "Mt" are units, not magnitudes
            Matcher m = MAGNITUDE_WORD.matcher(u);
            if (m.matches()) return new Unit(ENGLISH_MAGNITUDE_WORDS.get(m.group(1).toLowerCase(Locale.ROOT)), m.group(2));
            return new Unit(1, u);
        }
    }

    private ValueParser() {
    }

    /** The parsed value, or an explanation of what was expected. */
    public static Result parse(String raw, Unit unit) {
        String s = raw.strip();
        Matcher m = VALUE.matcher(s);
        if (!m.matches()) {
            return Result.error("expected a number as the source states it (e.g. 超2600万, 约40%, 140-200万, about 29%, over 4,000, 2.5M, "
                    + "3–5 million), found \"" + YNode.abbreviate(s) + "\"");
        }
        for (String n : new String[]{m.group("low"), m.group("high")}) {
            if (n != null && !WELL_FORMED.matcher(n).matches()) {
                return Result.error("\"" + n + "\" in \"" + s + "\" is not a well-formed number: commas must separate groups of three digits "
                        + "(e.g. 4,000 or 1,234,567.5; 2600万 needs none)");
            }
        }
        boolean between = m.group("between") != null;
        boolean and = m.group("sep") != null && m.group("sep").strip().equalsIgnoreCase("and");
        if (between != and) {
            return Result.error("\"" + s + "\": write a range as \"between 140 and 200\", \"140 to 200\" or \"140-200\" (140-200万)");
        }
        double low = Double.parseDouble(m.group("low").replace(",", ""));
        double high = m.group("high") == null ? low : Double.parseDouble(m.group("high").replace(",", ""));
        if (m.group("sign") != null && !m.group("sign").equals("+")) {
            low = -low;
            high = -high;
        }
        if (high < low) return Result.error("range \"" + s + "\" runs backwards; write the lower bound first");

        String mag = m.group("mag");
        String rest = m.group("unit") == null ? "" : m.group("unit");
        // "5 m" in a dataset of metres is the unit, not five million
        if (mag != null && rest.isEmpty() && ENGLISH_MAGNITUDE_ABBREVIATIONS.containsKey(mag) && mag.equals(unit.rest())) {
            rest = mag;
            mag = null;
        }
        String currency = m.group("cur");
        if (currency != null && CURRENCIES.get(currency).stream().noneMatch(c -> c.equalsIgnoreCase(unit.rest()))) {
            String declared = unit.rest().isEmpty() ? "names no currency" : "\"" + unit.rest() + "\" is not that currency";
            return Result.error("currency \"" + currency + "\" in \"" + s + "\" but the dataset's unit " + declared
                    + "; drop the symbol or declare a unit in that currency (e.g. billion USD, 亿美元)");
        }
        if (!rest.isEmpty() && !unit.rest().isEmpty() && !sameUnit(rest, unit.rest())) {
            return Result.error("unit \"" + rest + "\" in \"" + s + "\" does not match the dataset's unit \"" + unit.rest()
                    + "\"; state the value in that unit (e.g. 约40% or about 29% for %, 1.2 billion kWh for billion kWh)");
        }
        if (!rest.isEmpty() && unit.rest().isEmpty() && !(rest.length() == 1 && CHINESE_COUNTERS.contains(rest))) {
            return Result.error("unit \"" + rest + "\" in \"" + s + "\" but the dataset declares no such unit");
        }
        // A stated magnitude converts into the dataset's; a bare number with its own unit (2600元, $3,000) is in base units;
        // a bare number without one is already in the dataset's unit (2600 for 万 means 2600万).
        double factor = 1;
        if (mag != null) factor = magnitude(mag) / unit.magnitude();
        else if (!rest.isEmpty() || currency != null) factor = 1 / unit.magnitude();
        String prefix = m.group("q") == null ? "" : m.group("q");
        String suffix = m.group("suffix") == null ? "" : m.group("suffix");
        String qualifier = prefix.isEmpty() ? suffix : (suffix.isEmpty() ? prefix : prefix + "…" + suffix);
        if (!Double.isFinite(low * factor) || !Double.isFinite(high * factor)) return Result.error("number out of range: \"" + s + "\"");
        return Result.ok(new Value(s, qualifier, low * factor, high * factor));
    }

    /**
     * The numbers a reader would search the source for, thousands separators removed: "2.7" and "2600" of
     * "接近2.7亿 / 超2600万", "4000" of "over 4,000". A number is a whole token: "1290" holds no "29".
     */
    public static List<String> digits(String raw) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER_TOKEN.matcher(raw);
        while (m.find()) out.add(m.group().replace(",", "").replace("，", ""));
        return out;
    }

    private static double magnitude(String word) {
        Double d = CHINESE_MAGNITUDES.getOrDefault(word, ENGLISH_MAGNITUDE_ABBREVIATIONS.get(word));
        return d != null ? d : ENGLISH_MAGNITUDE_WORDS.get(word.toLowerCase(Locale.ROOT));
    }

    private static boolean sameUnit(String a, String b) {
        return a.equals(b) || (isPercent(a) && isPercent(b));
    }

    private static boolean isPercent(String unit) {
        return PERCENT_WORDS.stream().anyMatch(p -> p.equalsIgnoreCase(unit.strip()));
    }

    /** A regex alternation of literal words, longest first so "万亿" wins over "万" and "mn" over "m"; spaces match any run of spaces. */
    private static String alt(java.util.Collection<String> words) {
        return longestFirst(words).stream()
                .map(w -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    private static List<String> longestFirst(java.util.Collection<String> words) {
        return words.stream().sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
    }

    public record Result(Optional<Value> value, String error) {
        static Result ok(Value v) {
            return new Result(Optional.of(v), "");
        }

        static Result error(String e) {
            return new Result(Optional.empty(), e);
        }
    }
}
