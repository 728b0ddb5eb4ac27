package ai.qbit.reports.load;

import ai.qbit.reports.model.Value;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a number the way a Chinese report states it — "接近2.7亿", "超2600万", "140-200万", "约380亿元以上" —
 * into a {@link Value} in the dataset's unit. The qualifier is kept exactly as written.
 */
public final class ValueParser {
    private static final Pattern VALUE = Pattern.compile(
            "^(超过|超出|超|约|接近|将近|近|不到|不足|低于|逾|达)?\\s*([-−+])?"
                    + "(\\d+(?:\\.\\d+)?)(?:\\s*[-~～—–至]\\s*(\\d+(?:\\.\\d+)?))?\\s*"
                    + "(万亿|千万|百万|万|亿)?\\s*([^\\d\\s]*?)\\s*(以上|左右|余|多|\\+)?$");
    private static final Map<String, Double> MAGNITUDE = Map.of("万", 1e4, "百万", 1e6, "千万", 1e7, "亿", 1e8, "万亿", 1e12);

    /** The unit a dataset declares, split into magnitude (万/亿) and the rest (元, %, 次 …). */
    public record Unit(double magnitude, String rest) {
        public static Unit parse(String unit) {
            for (String m : new String[]{"万亿", "千万", "百万", "万", "亿"}) {
                if (unit.startsWith(m)) return new Unit(MAGNITUDE.get(m), unit.substring(m.length()));
            }
            return new Unit(1, unit);
        }
    }

    private ValueParser() {
    }

    /** The parsed value, or an explanation of what was expected. */
    public static Result parse(String raw, Unit unit) {
        String s = raw.strip();
        Matcher m = VALUE.matcher(s);
        if (!m.matches()) {
            return Result.error("expected a number as the source states it (e.g. 超2600万, 约40%, 140-200万), found \"" + YNode.abbreviate(s) + "\"");
        }
        double low, high;
        try {
            low = Double.parseDouble(m.group(3));
            high = m.group(4) == null ? low : Double.parseDouble(m.group(4));
        } catch (NumberFormatException e) {
            return Result.error("not a number: \"" + s + "\"");
        }
        if (m.group(2) != null && !m.group(2).equals("+")) {
            low = -low;
            high = -high;
        }
        if (high < low) return Result.error("range \"" + s + "\" runs backwards; write the lower bound first");
        String rest = m.group(6);
        if (!rest.isEmpty() && !unit.rest().isEmpty() && !rest.equals(unit.rest())) {
            return Result.error("unit \"" + rest + "\" in \"" + s + "\" does not match the dataset's unit \"" + unit.rest() + "\"");
        }
        if (!rest.isEmpty() && unit.rest().isEmpty() && !rest.matches("[个款家次倍]")) {
            return Result.error("unit \"" + rest + "\" in \"" + s + "\" but the dataset declares no such unit");
        }
        double factor = 1;
        if (m.group(5) != null) factor = MAGNITUDE.get(m.group(5)) / unit.magnitude();
        else if (unit.magnitude() != 1 && !rest.isEmpty()) factor = 1 / unit.magnitude();
        String prefix = m.group(1) == null ? "" : m.group(1);
        String suffix = m.group(7) == null ? "" : m.group(7);
        String qualifier = prefix.isEmpty() ? suffix : (suffix.isEmpty() ? prefix : prefix + "…" + suffix);
        if (!Double.isFinite(low * factor) || !Double.isFinite(high * factor)) return Result.error("number out of range: \"" + s + "\"");
        return Result.ok(new Value(s, qualifier, low * factor, high * factor));
    }

    /** The digit groups a reader would search the source for: "2.7" and "2600" of "接近2.7亿 / 超2600万". */
    public static java.util.List<String> digits(String raw) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(raw);
        while (m.find()) out.add(m.group());
        return out;
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
