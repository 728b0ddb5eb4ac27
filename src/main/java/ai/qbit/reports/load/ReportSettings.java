package ai.qbit.reports.load;

import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.model.ChapterKind;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-report settings of report.yaml that shape a report rather than fill it: how each chapter kind is
 * numbered (`numbering`), which fields a kind must carry and how many (`profile`), and which kinds get slides and
 * briefs (`outputs`). Defaults: trends numbered in the pack's trend style, nothing else numbered, no quotas,
 * every body chapter in the deck and the briefs.
 */
final class ReportSettings {
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*[-–]\\s*(\\d+)|(\\d+)");
    /** The optional chapter fields a profile can require. */
    private static final List<String> REQUIRABLE = List.of("tagline", "summary", "quote");

    private ReportSettings() {
    }

    /** kind → numbering style; a style other than "none" must be named in the language pack (numbering.<style>). */
    static Map<ChapterKind, String> numbering(YNode n, LanguagePack lang) {
        Map<ChapterKind, String> out = new EnumMap<>(ChapterKind.class);
        out.put(ChapterKind.TREND, "trend");
        if (n.isMissing() || !n.requireMapping(kindNames())) return out;
        for (ChapterKind k : ChapterKind.values()) {
            YNode v = n.get(k.yamlName());
            if (v.isMissing()) continue;
            String style = n.text(k.yamlName());
            if (!style.equals("none") && lang != null && !lang.has("numbering." + style)) {
                v.problem("unknown numbering style \"" + style + "\"; the language pack " + lang.tag() + " has: none, "
                        + String.join(", ", lang.keys().stream().filter(x -> x.matches("numbering\\.[a-z-]+"))
                        .map(x -> x.substring("numbering.".length())).toList()));
            }
            out.put(k, style);
        }
        return out;
    }

    /** The chapter kinds listed at {@code n}; every kind when absent. */
    static Set<ChapterKind> kinds(YNode n) {
        if (n.isMissing()) return EnumSet.allOf(ChapterKind.class);
        Set<ChapterKind> out = EnumSet.noneOf(ChapterKind.class);
        for (YNode item : n.items()) {
            String name = item.scalar("a chapter kind");
            if (name == null) continue;
            Optional<ChapterKind> k = ChapterKind.parse(name.strip());
            if (k.isEmpty()) item.problem("expected one of " + ChapterKind.names() + ", found \"" + YNode.abbreviate(name) + "\"");
            else out.add(k.get());
        }
        return out;
    }

    /** How many of each list a chapter of a kind carries, and which optional fields it must have. */
    record Profile(int[] keyPoints, int[] keyFigures, int[] figures, List<String> required) {
        void check(YNode c, ChapterKind kind, int points, int figuresCount, int featured) {
            count(c, "key_points", points, keyPoints, kind);
            count(c, "key_figures", figuresCount, keyFigures, kind);
            count(c, "figures", featured, figures, kind);
            for (String f : required) {
                if (c.get(f).isMissing()) c.get(f).problem("missing; this report's profile requires " + f + " for every " + kind.yamlName());
            }
        }

        private static void count(YNode c, String key, int n, int[] range, ChapterKind kind) {
            if (range == null || (n >= range[0] && n <= range[1])) return;
            c.get(key).problem("this report's profile expects " + (range[0] == range[1] ? range[0] : range[0] + "–" + range[1])
                    + " " + key.replace('_', ' ') + " per " + kind.yamlName() + ", found " + n);
        }
    }

    /** `profile: {trend: {key_points: 3-5, key_figures: 2-4, figures: 0-3, requires: [summary, quote]}}` */
    static Map<ChapterKind, Profile> profiles(YNode n) {
        Map<ChapterKind, Profile> out = new EnumMap<>(ChapterKind.class);
        if (n.isMissing() || !n.requireMapping(kindNames())) return out;
        for (ChapterKind k : ChapterKind.values()) {
            YNode p = n.get(k.yamlName());
            if (p.isMissing() || !p.requireMapping("key_points", "key_figures", "figures", "requires")) continue;
            List<String> required = p.textList("requires");
            for (String r : required) {
                if (!REQUIRABLE.contains(r)) p.get("requires").problem("cannot require \"" + r + "\"; expected some of " + String.join(", ", REQUIRABLE));
            }
            out.put(k, new Profile(range(p.get("key_points")), range(p.get("key_figures")), range(p.get("figures")), required));
        }
        return out;
    }

    private static int[] range(YNode n) {
        if (n.isMissing()) return null;
        String s = n.scalar("a count or range like 3-5");
        if (s == null) return null;
        Matcher m = RANGE.matcher(s.strip());
        if (!m.matches()) {
            n.problem("expected a count or a range like 3-5, found \"" + YNode.abbreviate(s) + "\"");
            return null;
        }
        int lo = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(1));
        int hi = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(2));
        if (hi < lo) n.problem("range " + s + " runs backwards");
        return new int[]{lo, hi};
    }

    private static String[] kindNames() {
        return java.util.Arrays.stream(ChapterKind.values()).map(ChapterKind::yamlName).toArray(String[]::new);
    }
}
