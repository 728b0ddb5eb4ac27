package ai.qbit.reports.content;

import ai.qbit.reports.load.ValueParser;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.SourceRef;
import ai.qbit.reports.model.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words around a number are provenance too (ProvenanceTest checks the digits). A label that names a period
 * ("2024年10月") or a credit ("EPOCH AI") must find it on a cited line, or in the heading of the section that line
 * sits in (a table row's period is in its heading); a number the source hedges ("10万卡量级", "约300万亿") must
 * keep a qualifier.
 */
class Report2024LabelProvenanceTest {
    static final Report REPORT = ProvenanceTest.load("2024");
    private static final Map<String, List<String>> FILES = new HashMap<>();

    /** A year, a year.month, a month or a month range: "2024年", "2024.10", "10月", "1-10月". */
    static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:年|\\.(\\d{1,2}))|(\\d{1,2})(?:[-–—~至](\\d{1,2}))?月");
    static final Pattern BEFORE = Pattern.compile("(?:约|超过|超|接近|将近|近|不到|不足|逾)为?$");
    static final Pattern AFTER = Pattern.compile("^(?:[万亿千百]*[卡个款件元次倍%]?)?(?:量级|以上|左右|余|多|\\+)");
    /** Parts of a credit that are the report's own wording, not a third party's name. */
    static final Pattern OWN = Pattern.compile("统计截[至止]|端数据|案例|整理|测算|产品统计|\\d{4}|入围|观测|AI 100");

    static List<String> lines(String file) throws Exception {
        if (!FILES.containsKey(file)) FILES.put(file, Files.readAllLines(Path.of("seeds/2024/sources").resolve(file)));
        return FILES.get(file);
    }

    /** The cited line and the headings of the sections it sits in, without thousands separators. */
    static String context(SourceRef ref) throws Exception {
        List<String> all = lines(ref.file());
        StringBuilder sb = new StringBuilder(all.get(ref.line() - 1));
        int level = Integer.MAX_VALUE;
        for (int i = ref.line() - 2; i >= 0 && level > 1; i--) {
            String l = all.get(i).strip();
            if (!l.startsWith("#")) continue;
            int h = l.indexOf(' ') < 0 ? l.length() : l.indexOf(' ');
            if (h < level) {
                sb.append('\n').append(l);
                level = h;
            }
        }
        return sb.toString().replace(",", "");
    }

    static String line(SourceRef ref) throws Exception {
        return lines(ref.file()).get(ref.line() - 1).replace(",", "");
    }

    /** Every period in {@code label} whose parts are not on any of {@code cited}. */
    static List<String> missingPeriods(String label, List<String> cited) {
        List<String> missing = new ArrayList<>();
        Matcher m = PERIOD.matcher(label);
        while (m.find()) {
            List<String> needed = new ArrayList<>();
            if (m.group(1) != null) {
                needed.add(m.group(1));
                if (m.group(2) != null) needed.add(Integer.parseInt(m.group(2)) + "月");
            } else {
                needed.add(m.group(3) + "月");
                if (m.group(4) != null) needed.add(m.group(4) + "月");
            }
            for (String n : needed) {
                // "1-10月" in a label may be "1月至10月" or "1-10月" in the source: look for each month on its own
                String month = n.endsWith("月") ? n.substring(0, n.length() - 1) : null;
                boolean found = cited.stream().anyMatch(c -> month == null ? c.contains(n)
                        : Pattern.compile("(?<!\\d)" + month + "(月|[-–—~至]\\d{1,2}月|[.．]\\d)").matcher(c).find()
                          || Pattern.compile("\\d{4}[.．]" + month + "(?!\\d)").matcher(c).find());
                if (!found) missing.add(m.group() + " (" + n + ")");
            }
        }
        return missing;
    }

    /** The third-party names a {@code source:} credits: its parts, less the publisher and the report's own wording. */
    static List<String> credits(String source) {
        List<String> out = new ArrayList<>();
        for (String part : source.replace("《" + REPORT.title() + "》", "").split("[，；,;、（）()]")) {
            String p = part.strip();
            if (p.isEmpty() || p.contains(REPORT.publisher()) && !p.contains("《") || OWN.matcher(p).find()) continue;
            Matcher title = Pattern.compile("《[^》]+》").matcher(p);
            if (title.find()) {
                out.add(title.group());
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** True when every place {@code digits} stands on the line, the source hedges it (qualifier before or after). */
    static boolean alwaysHedged(String digits, String line) {
        Matcher m = Pattern.compile("(?<![\\d.])" + Pattern.quote(digits) + "(?![\\d.])").matcher(line);
        boolean any = false;
        while (m.find()) {
            any = true;
            String before = line.substring(Math.max(0, m.start() - 3), m.start()).replace("*", "");
            String after = line.substring(m.end(), Math.min(line.length(), m.end() + 4)).replace("*", "");
            if (!BEFORE.matcher(before).find() && !AFTER.matcher(after).find()) return false;
        }
        return any;
    }

    @Test
    void everyPeriodInADatasetsWordsIsOnACitedLine() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Dataset d : REPORT.datasets().values()) {
            List<String> cited = new ArrayList<>();
            for (SourceRef ref : d.from()) cited.add(context(ref));
            Set<String> words = new LinkedHashSet<>();
            words.add(d.title());
            words.add(d.source().replace(REPORT.title(), "")); // the report's own name is no period claim
            words.addAll(d.categories());
            d.series().forEach(s -> words.add(s.name()));
            for (String w : words) {
                for (String p : missingPeriods(w, cited)) problems.add(d.id() + ": \"" + w + "\" names " + p + ", not on " + d.from());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyKeyFiguresPeriodIsOnItsLine() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Chapter c : REPORT.allChapters()) {
            for (KeyFigure k : c.keyFigures()) {
                for (String p : missingPeriods(k.label(), List.of(context(k.from())))) {
                    problems.add(c.id() + ": \"" + k.label() + "\" names " + p + ", not on " + k.from());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyCreditIsNamedOnACitedLine() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Dataset d : REPORT.datasets().values()) {
            List<String> cited = new ArrayList<>();
            for (SourceRef ref : d.from()) cited.add(line(ref));
            for (String credit : credits(d.source())) {
                String bare = credit.replaceAll("[《》]", "");
                if (cited.stream().noneMatch(l -> l.contains(bare))) {
                    problems.add(d.id() + ": source credits \"" + credit + "\", which no cited line " + d.from() + " names");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aNumberTheSourceHedgesKeepsAQualifier() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Dataset d : REPORT.datasets().values()) {
            for (Dataset.Series s : d.series()) {
                for (int i = 0; i < s.values().size(); i++) {
                    Optional<Value> v = s.values().get(i);
                    if (v.isEmpty() || !v.get().qualifier().isEmpty() || v.get().isRange()) continue;
                    // the lines that name the bar's category, when some do: "阿里云" finds 阿里云10万卡量级集群
                    String category = d.categories().get(i);
                    String key = category.substring(0, Math.min(3, category.length()));
                    List<String> lines = new ArrayList<>();
                    for (SourceRef ref : d.from()) if (line(ref).contains(key)) lines.add(line(ref));
                    if (lines.isEmpty()) for (SourceRef ref : d.from()) lines.add(line(ref));
                    for (String digits : ValueParser.digits(v.get().raw())) {
                        boolean plainSomewhere = false;
                        List<String> holding = new ArrayList<>(lines.stream().filter(l -> l.contains(digits)).toList());
                        if (holding.isEmpty()) for (SourceRef ref : d.from()) if (line(ref).contains(digits)) holding.add(line(ref));
                        for (String l : holding) {
                            if (l.contains(digits) && !alwaysHedged(digits, l)) plainSomewhere = true;
                        }
                        if (!plainSomewhere) problems.add(d.id() + ": " + v.get().raw() + " has no qualifier, but " + d.from() + " always hedges " + digits);
                    }
                }
            }
        }
        for (Chapter c : REPORT.allChapters()) {
            for (KeyFigure k : c.keyFigures()) {
                String value = k.value();
                if (BEFORE.matcher(value.replaceAll("[\\d.].*$", "")).find() || value.matches(".*(量级|以上|左右|余|多|\\+).*")) continue;
                for (String digits : ValueParser.digits(value)) {
                    if (alwaysHedged(digits, line(k.from()))) problems.add(c.id() + ": key figure " + value + " has no qualifier, but " + k.from() + " hedges it");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ---- the checks themselves must be able to fail ----

    @Test
    void theChecksCatchTheDefectsTheyAreFor() {
        // a period the lines do not state
        assertTrue(!missingPeriods("Web端AI产品人均每月访问次数（2024年10月）", List.of("TOP 10基本为AI智能助手和AI产品设计，TOP 50约人均访问3次。")).isEmpty());
        assertTrue(missingPeriods("2024年1–10月AI APP累计新增下载量", List.of("截至2024年10月，共56款产品…", "2024年1月至10月")).isEmpty());
        // a credit the lines do not name
        assertTrue(credits("量子位智库，EPOCH AI").contains("EPOCH AI"));
        assertTrue(credits("量子位智库，APP端数据，2024年10月").isEmpty());
        // "阿里云10万卡量级集群": 10万 charted without its qualifier
        assertTrue(alwaysHedged("10", "阿里云10万卡量级集群"));
        assertTrue(alwaysHedged("300", "有估计称现有人类公开文本存量约为300万亿个token。"));
        assertTrue(!alwaysHedged("12288", "12288卡Ampere架构训练集群"));
    }
}
