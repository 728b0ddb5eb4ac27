package ai.qbit.reports.load;

import ai.qbit.reports.model.Theme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code assets/themes/<name>.yaml}: the palette and font files every writer shares. */
final class ThemeLoader {
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private ThemeLoader() {
    }

    static Theme load(Path assets, String name, Problems problems) {
        Path file = assets.resolve("themes").resolve(name + ".yaml");
        String display = "assets/themes/" + name + ".yaml";
        if (!Files.isRegularFile(file)) {
            problems.add(display, 0, 0, "", "theme \"" + name + "\" does not exist (report.yaml names it in `theme:`)");
            return null;
        }
        YNode root = YamlDoc.read(file, display, problems).orElse(null);
        if (root == null || !root.requireMapping("name", "fonts", "colors")) return null;
        YNode fonts = root.get("fonts");
        fonts.requireMapping("family", "fallback", "regular", "bold");
        YNode colors = root.get("colors");
        colors.requireMapping("primary", "accent", "ink", "muted", "rule", "paper", "tint", "series");
        Path regular = font(assets, fonts, "regular");
        Path bold = font(assets, fonts, "bold");
        List<String> series = colors.textList("series");
        if (series.size() < 3) colors.get("series").problem("expected at least 3 colours for chart series");
        for (int i = 0; i < series.size(); i++) colour(colors.get("series"), series.get(i), "series[" + i + "]");
        return new Theme(name, fonts.text("family"), fonts.text("fallback"), regular, bold,
                colour(colors, "primary"), colour(colors, "accent"), colour(colors, "ink"), colour(colors, "muted"),
                colour(colors, "rule"), colour(colors, "paper"), colour(colors, "tint"), series);
    }

    private static Path font(Path assets, YNode fonts, String key) {
        String rel = fonts.text(key);
        Path p = assets.resolve(rel).normalize();
        if (!rel.isEmpty() && (!p.startsWith(assets.normalize()) || !Files.isRegularFile(p))) {
            fonts.get(key).problem("font file " + rel + " not found under assets/");
        }
        return p;
    }

    private static String colour(YNode colors, String key) {
        return colour(colors.get(key), colors.text(key), key);
    }

    private static String colour(YNode at, String value, String what) {
        if (!value.isEmpty() && !COLOUR.matcher(value).matches()) {
            at.problem(what + ": expected a colour like \"#1D3FBB\", found \"" + value + "\"");
            return "#000000";
        }
        return value.toUpperCase();
    }
}
