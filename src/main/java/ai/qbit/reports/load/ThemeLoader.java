package ai.qbit.reports.load;

import ai.qbit.reports.model.Theme;
import ai.qbit.reports.model.Theme.Margins;
import ai.qbit.reports.model.Theme.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a theme: the palette, font files and page geometry every writer shares. {@code theme: <name>} is looked up
 * first as {@code seeds/<report>/themes/<name>.yaml} (the report's own), then as {@code assets/themes/<name>.yaml}
 * (built in). Font paths resolve against the report folder first, then {@code assets/}, and must stay inside it.
 * Every text colour is checked against the backgrounds it is printed on (WCAG 2.x AA).
 */
final class ThemeLoader {
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern LENGTH = Pattern.compile("(\\d+(?:\\.\\d+)?)(mm|cm|in|pt)|0");

    /** The colour roles a theme defines, in the order of qbit.yaml. */
    private static final List<String> ROLES = List.of("primary", "accent", "ink", "muted", "rule", "paper", "tint",
            "quote", "strong", "on_primary", "accent_on_primary");

    /** WCAG AA: normal text needs 4.5:1; large text (>= 18pt, or >= 14pt bold) 3:1. */
    static final double NORMAL_TEXT = 4.5, LARGE_TEXT = 3.0;

    /**
     * A text colour printed on a background, as the templates (report.css, brief.css), the charts and the deck do.
     * {@code large} when every use of the pair listed here is large text; a pair also used for smaller text has a
     * second row, and the strictest row decides.
     */
    record Pair(String text, String background, boolean large, String where) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("ink", "paper", false, "body text, table cells, contents, figure captions, chart labels and legends, deck text"),
            new Pair("ink", "tint", false, "chapter and brief summaries, call-outs"),
            new Pair("ink", "quote", false, "quotes"),
            new Pair("strong", "paper", false, "bold runs in body text and tables"),
            new Pair("strong", "tint", false, "bold runs in call-outs"),
            new Pair("strong", "quote", false, "bold runs in quotes"),
            new Pair("muted", "paper", false, "running heads, page numbers, figure sources, footnotes, key-figure labels, chart axes, deck sources"),
            new Pair("muted", "tint", false, "figure sources inside call-outs"),
            new Pair("muted", "quote", false, "quote attributions"),
            new Pair("primary", "paper", true, "chapter, front-matter and brief titles (22-24pt), key figures (15-18pt bold), deck titles"),
            new Pair("primary", "paper", false, "headings, links, figure and table labels, contents numbers, brief section heads"),
            new Pair("primary", "tint", false, "call-out titles, links in call-outs"),
            new Pair("primary", "quote", false, "links in quotes"),
            new Pair("accent", "paper", false, "chapter and brief kickers (8-8.5pt bold), deck quote attributions (16pt)"),
            new Pair("on_primary", "primary", true, "cover and part-opener titles (30-32pt bold), deck title and section slides"),
            new Pair("on_primary", "primary", false, "cover and part-opener text, table headers, the brief's band, the back cover"),
            new Pair("accent_on_primary", "primary", true, "the cover's year (72pt bold), part numbers (96pt bold)"),
            new Pair("accent_on_primary", "primary", false, "trend numbers on the cover and part openers (10.5-11pt bold), the brief band's part (8pt bold)"));

    private ThemeLoader() {
    }

    /**
     * @param assets    the project's assets/ directory
     * @param reportDir the report's folder (seeds/2024), searched first for the theme and its fonts
     */
    static Theme load(Path assets, Path reportDir, String name, Problems problems) {
        String base = reportDir.getFileName() == null ? "" : "seeds/" + reportDir.getFileName() + "/";
        if (!NAME.matcher(name).matches()) {
            problems.add(base + "report.yaml", 0, 0, "theme", "\"" + YNode.abbreviate(name)
                    + "\" is not a theme name; expected letters, digits, - and _ (the file themes/<name>.yaml)");
            return null;
        }
        String rel = "themes/" + name + ".yaml";
        Path file = null;
        String display = null;
        for (Root root : List.of(new Root(reportDir, base), new Root(assets, "assets/"))) {
            Found f = root.find(rel);
            if (f.problem != null) {
                problems.add(root.label + rel, 0, 0, "", f.problem);
                return null;
            }
            if (f.path != null) {
                file = f.path;
                display = root.label + rel;
                break;
            }
        }
        if (file == null) {
            problems.add(base + "report.yaml", 0, 0, "theme", "theme \"" + name + "\" does not exist: looked for "
                    + base + rel + " and assets/" + rel);
            return null;
        }
        YNode root = YamlDoc.read(file, display, problems).orElse(null);
        if (root == null || !root.requireMapping("name", "fonts", "colors", "page")) return null;
        YNode fonts = root.get("fonts");
        fonts.requireMapping("family", "fallback", "fallback_latin", "regular", "bold");
        Path regular = font(reportDir, base, assets, fonts, "regular");
        Path bold = font(reportDir, base, assets, fonts, "bold");

        YNode colors = root.get("colors");
        List<String> keys = new ArrayList<>(ROLES);
        keys.add("series");
        colors.requireMapping(keys.toArray(String[]::new));
        Map<String, String> c = new LinkedHashMap<>();
        Map<String, Boolean> valid = new HashMap<>();
        for (String role : ROLES) {
            String value = colors.text(role);
            c.put(role, colour(colors.get(role), value, role));
            valid.put(role, COLOUR.matcher(value).matches());
        }
        List<String> series = new ArrayList<>();
        List<String> rawSeries = colors.textList("series");
        if (rawSeries.size() < 3) colors.get("series").problem("expected at least 3 colours for chart series");
        for (int i = 0; i < rawSeries.size(); i++) series.add(colour(colors.get("series"), rawSeries.get(i), "series[" + i + "]"));

        checkContrast(colors, c, valid);
        checkSeriesLabels(colors, c, valid, rawSeries, series);
        Page page = page(root.get("page"));
        return new Theme(name, fonts.text("family"), fonts.text("fallback"), fonts.optText("fallback_latin"), regular, bold,
                c.get("primary"), c.get("accent"), c.get("ink"), c.get("muted"), c.get("rule"), c.get("paper"),
                c.get("tint"), c.get("quote"), c.get("strong"), c.get("on_primary"), c.get("accent_on_primary"),
                series, page);
    }

    /** Each pair of {@link #PAIRS}, at its strictest use, reported once at the text colour's line. */
    private static void checkContrast(YNode colors, Map<String, String> c, Map<String, Boolean> valid) {
        Map<String, Pair> strictest = new LinkedHashMap<>();
        for (Pair p : PAIRS) strictest.merge(p.text() + " on " + p.background(), p, (a, b) -> a.large() ? b : a);
        for (Pair p : strictest.values()) {
            if (!valid.get(p.text()) || !valid.get(p.background())) continue;
            String fg = c.get(p.text()), bg = c.get(p.background());
            double ratio = Theme.contrast(fg, bg), needed = p.large() ? LARGE_TEXT : NORMAL_TEXT;
            if (ratio < needed) {
                colors.get(p.text()).problem(fg + " on " + p.background() + " " + bg + " has contrast " + ratio(ratio)
                        + "; " + (p.large() ? "large text" : "text") + " needs at least " + ratio(needed)
                        + " (WCAG AA); it is used for " + uses(p));
            }
        }
    }

    /** Every place the pair is used, for the message: the author should know what the colour is for. */
    private static String uses(Pair pair) {
        return PAIRS.stream().filter(p -> p.text().equals(pair.text()) && p.background().equals(pair.background()))
                .map(Pair::where).collect(Collectors.joining("; "));
    }

    /**
     * Values inside stacked bars are printed on the series colour in on_primary or ink, whichever contrasts more
     * (chart labels are 6.5-7.5pt: normal text). A series colour neither reaches 4.5:1 with is reported.
     */
    private static void checkSeriesLabels(YNode colors, Map<String, String> c, Map<String, Boolean> valid,
                                          List<String> raw, List<String> series) {
        if (!valid.get("on_primary") || !valid.get("ink") || series.isEmpty()) return;
        List<YNode> items = colors.get("series").isMissing() ? List.of() : colors.list("series");
        for (int i = 0; i < series.size() && i < items.size(); i++) {
            if (!COLOUR.matcher(raw.get(i)).matches()) continue;
            String s = series.get(i), label = Theme.mostLegibleOn(s, c.get("on_primary"), c.get("ink"));
            double ratio = Theme.contrast(label, s);
            if (ratio < NORMAL_TEXT) {
                items.get(i).problem(s + " has contrast " + ratio(Theme.contrast(c.get("on_primary"), s)) + " with on_primary "
                        + c.get("on_primary") + " and " + ratio(Theme.contrast(c.get("ink"), s)) + " with ink " + c.get("ink")
                        + "; values printed inside stacked bars need at least " + ratio(NORMAL_TEXT) + " with one of them (WCAG AA)");
            }
        }
    }

    /** Rounded down, so a ratio just short of the threshold never reads as reaching it: 4.47 → "4.4:1". */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.1f:1", Math.floor(r * 10) / 10);
    }

    /** {@code page: {size: A4 | Letter | A5 | Legal, margin: "24mm 20mm 22mm 20mm", brief_margin: ...}}; all optional. */
    private static Page page(YNode node) {
        Page a4 = Page.a4();
        if (node.isMissing() || !node.requireMapping("size", "margin", "brief_margin")) return a4;
        Page.Size size = Page.Size.A4;
        String name = node.optText("size").orElse(null);
        if (name != null) {
            size = Arrays.stream(Page.Size.values()).filter(s -> s.label().equalsIgnoreCase(name)).findFirst().orElse(null);
            if (size == null) {
                node.get("size").problem("unknown page size \"" + YNode.abbreviate(name) + "\"; expected one of: "
                        + Arrays.stream(Page.Size.values()).map(Page.Size::label).collect(Collectors.joining(", ")));
                size = Page.Size.A4;
            }
        }
        Page sized = Page.of(size, a4.margin(), a4.briefMargin());
        Margins margin = margins(node, "margin", sized, a4.margin());
        Margins brief = margins(node, "brief_margin", sized, a4.briefMargin());
        return Page.of(size, margin, brief);
    }

    /** A CSS margin shorthand of 1 to 4 lengths in mm, cm, in or pt, which must leave room for text. */
    private static Margins margins(YNode page, String key, Page sized, Margins fallback) {
        YNode n = page.get(key);
        if (n.isMissing()) return fallback;
        String s = n.scalar("a margin like \"24mm 20mm 22mm 20mm\"");
        if (s == null) return fallback;
        String[] parts = s.strip().split("\\s+");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Matcher m = LENGTH.matcher(parts[i]);
            if (parts.length > 4 || !m.matches()) {
                n.problem("expected 1 to 4 lengths in mm, cm, in or pt, like \"24mm 20mm 22mm 20mm\" (top right bottom left), found \""
                        + YNode.abbreviate(s) + "\"");
                return fallback;
            }
            v[i] = m.group(1) == null ? 0 : Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                case "mm" -> Page.PT_PER_MM;
                case "cm" -> 10 * Page.PT_PER_MM;
                case "in" -> 72;
                default -> 1;
            };
        }
        // CSS shorthand: top [right [bottom [left]]]
        double top = v[0], right = v.length > 1 ? v[1] : top, bottom = v.length > 2 ? v[2] : top, left = v.length > 3 ? v[3] : right;
        Margins m = new Margins(top, right, bottom, left);
        double width = sized.widthPt() - left - right, height = sized.heightPt() - top - bottom;
        if (width < sized.widthPt() / 2 || height < sized.heightPt() / 2) {
            n.problem("margins of \"" + s.strip() + "\" leave too little of the page for text (at least half its width and height must remain)");
            return fallback;
        }
        return m;
    }

    /** A folder a theme's files may come from, and how problems name it. */
    private record Root(Path dir, String label) {
        /** The file {@code rel} inside this folder: absent, present, or a problem (escapes the folder, not a regular file). */
        Found find(String rel) {
            Path r = Path.of(rel).normalize();
            if (r.isAbsolute() || r.startsWith("..")) {
                return new Found(null, rel + " leaves " + label + ": a theme's files must be inside the report folder or assets/");
            }
            Path p = dir.resolve(r);
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return new Found(null, null);
            try {
                Path real = p.toRealPath();
                if (!real.startsWith(dir.toRealPath())) {
                    return new Found(null, rel + " is a link to " + real + ", outside " + label
                            + ": a theme's files must be inside the report folder or assets/");
                }
                String kind = Sandbox.describe(real);
                if (!kind.equals("a file")) return new Found(null, rel + " in " + label + " is " + kind + ", not a regular file");
                return new Found(real, null);
            } catch (IOException e) {
                return new Found(null, rel + " in " + label + " is " + Sandbox.describe(p) + " that cannot be followed (" + Sandbox.reason(e) + ")");
            }
        }
    }

    private record Found(Path path, String problem) {
    }

    /** A font file, from the report folder first, then assets/. */
    private static Path font(Path reportDir, String base, Path assets, YNode fonts, String key) {
        String rel = fonts.text(key);
        Path missing = assets.resolve("fonts").resolve("missing.ttf");
        if (rel.isEmpty()) return missing;
        for (Root root : List.of(new Root(reportDir, base), new Root(assets, "assets/"))) {
            Found f = root.find(rel);
            if (f.problem != null) {
                fonts.get(key).problem("font file " + f.problem);
                return missing;
            }
            if (f.path != null) return f.path.normalize();
        }
        fonts.get(key).problem("font file " + rel + " not found in " + base + " or assets/");
        return missing;
    }

    private static String colour(YNode at, String value, String what) {
        if (!value.isEmpty() && !COLOUR.matcher(value).matches()) {
            at.problem(what + ": expected a colour like \"#1D3FBB\", found \"" + value + "\"");
            return "#000000";
        }
        return value.isEmpty() ? "#000000" : value.toUpperCase(Locale.ROOT);
    }
}
