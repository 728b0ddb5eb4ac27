package ai.qbit.reports.load;

import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Theme;
import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThemeLoaderTest {
    @TempDir
    Path tmp;

    private static String qbit() throws IOException {
        return Files.readString(MiniModel.assets().resolve("themes/qbit.yaml"));
    }

    private static String replace(String s, String from, String to) {
        if (!s.contains(from)) throw new IllegalArgumentException("qbit.yaml does not contain: " + from);
        return s.replace(from, to);
    }

    private Report load(MiniModel m) {
        return new ReportLoader(MiniModel.assets()).load(m.write());
    }

    private String problems(MiniModel m) {
        return assertThrows(ModelException.class, () -> load(m)).getMessage();
    }

    /** The 1-based line and column where {@code text} starts in {@code s}, as "line:column". */
    private static String position(String s, String text) {
        int at = s.indexOf(text);
        int line = (int) s.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1;
        return line + ":" + (at - s.lastIndexOf('\n', at - 1));
    }

    @Test
    void qbitPassesEveryContrastPair() {
        Theme t = load(new MiniModel(tmp)).theme();
        assertEquals("qbit", t.name());
        for (ThemeLoader.Pair p : ThemeLoader.PAIRS) {
            String fg = colour(t, p.text()), bg = colour(t, p.background());
            double needed = p.large() ? ThemeLoader.LARGE_TEXT : ThemeLoader.NORMAL_TEXT;
            assertTrue(Theme.contrast(fg, bg) >= needed, p + ": " + Theme.contrast(fg, bg));
        }
        for (String s : t.series()) {
            assertTrue(Math.max(Theme.contrast(s, t.onPrimary()), Theme.contrast(s, t.ink())) >= ThemeLoader.NORMAL_TEXT, s);
        }
    }

    private static String colour(Theme t, String role) {
        return switch (role) {
            case "primary" -> t.primary();
            case "accent" -> t.accent();
            case "ink" -> t.ink();
            case "muted" -> t.muted();
            case "paper" -> t.paper();
            case "tint" -> t.tint();
            case "quote" -> t.quote();
            case "strong" -> t.strong();
            case "on_primary" -> t.onPrimary();
            case "accent_on_primary" -> t.accentOnPrimary();
            default -> throw new IllegalArgumentException(role);
        };
    }

    @Test
    void contrastFollowsWcag() {
        assertEquals(21, Theme.contrast("#000000", "#FFFFFF"), 1e-9);
        assertEquals(1, Theme.contrast("#1D3FBB", "#1D3FBB"), 1e-9);
        assertEquals(2.64, Theme.contrast("#00B2A9", "#FFFFFF"), 0.01);
        assertEquals("4.4:1", ThemeLoader.ratio(4.4999), "rounded down, never up to the threshold");
    }

    @Test
    void themeInTheReportFolderComesBeforeAssets() throws IOException {
        MiniModel m = new MiniModel(tmp).put("themes/qbit.yaml", replace(qbit(), "primary: \"#1D3FBB\"", "primary: \"#12307F\""));
        Theme t = load(m).theme();
        assertEquals("#12307F", t.primary(), "the report's own qbit.yaml, not the built-in one");
        assertTrue(t.regularFont().startsWith(MiniModel.assets()), "fonts not in the report folder come from assets/");
    }

    @Test
    void themeOnlyInTheReportFolderIsFoundAndItsFontsFirstThere() throws IOException {
        MiniModel m = new MiniModel(tmp).edit("report.yaml", "theme: qbit", "theme: green")
                .put("themes/green.yaml", replace(replace(qbit(), "name: qbit", "name: green"),
                        "regular: fonts/NotoSansSC-Regular.ttf", "regular: myfonts/Regular.ttf"));
        Path dir = m.write();
        Files.createDirectories(dir.resolve("myfonts"));
        Files.copy(MiniModel.assets().resolve("fonts/NotoSansSC-Regular.ttf"), dir.resolve("myfonts/Regular.ttf"));
        Theme t = load(m).theme();
        assertEquals("green", t.name());
        assertEquals(dir.resolve("myfonts/Regular.ttf").normalize(), t.regularFont());
        assertTrue(t.boldFont().startsWith(MiniModel.assets()));
    }

    @Test
    void missingThemeNamesBothPlacesLookedIn() {
        String msg = problems(new MiniModel(tmp).edit("report.yaml", "theme: qbit", "theme: nosuch"));
        assertTrue(msg.contains("seeds/mini/themes/nosuch.yaml and assets/themes/nosuch.yaml"), msg);
        msg = problems(new MiniModel(tmp).edit("report.yaml", "theme: qbit", "theme: ../../etc/passwd"));
        assertTrue(msg.contains("is not a theme name"), msg);
    }

    @Test
    void fontPathEscapingTheFolderIsRejected() throws IOException {
        String theme = replace(qbit(), "regular: fonts/NotoSansSC-Regular.ttf", "regular: ../../assets/fonts/NotoSansSC-Regular.ttf");
        String msg = problems(new MiniModel(tmp).put("themes/qbit.yaml", theme));
        assertTrue(msg.contains("seeds/mini/themes/qbit.yaml:" + position(theme, "../../assets") + ": fonts.regular: font file "
                + "../../assets/fonts/NotoSansSC-Regular.ttf leaves seeds/mini/"), msg);

        msg = problems(new MiniModel(tmp).put("themes/qbit.yaml", replace(qbit(), "regular: fonts/NotoSansSC-Regular.ttf", "regular: /etc/passwd")));
        assertTrue(msg.contains("font file /etc/passwd leaves"), msg);
    }

    @Test
    void fontSymlinkLeavingTheFolderIsRejected() throws IOException {
        Path outside = tmp.resolve("outside.ttf");
        Files.copy(MiniModel.assets().resolve("fonts/NotoSansSC-Regular.ttf"), outside);
        MiniModel m = new MiniModel(tmp).put("themes/qbit.yaml", replace(qbit(), "regular: fonts/NotoSansSC-Regular.ttf", "regular: fonts/linked.ttf"));
        Path dir = m.write();
        Files.createDirectories(dir.resolve("fonts"));
        Files.createSymbolicLink(dir.resolve("fonts/linked.ttf"), outside);
        String msg = problems(m);
        assertTrue(msg.contains("fonts.regular: font file fonts/linked.ttf is a link to " + outside.toRealPath() + ", outside seeds/mini/"), msg);
    }

    @Test
    void pageSizeAndMarginsComeFromTheTheme() throws IOException {
        Theme.Page a4 = load(new MiniModel(tmp)).theme().page();
        assertEquals("A4", a4.size());
        assertEquals(482, a4.textWidthPt());
        assertEquals(493, a4.briefTextWidthPt());
        assertEquals("24mm 20mm 22mm 20mm", a4.marginCss());
        assertEquals("250mm", a4.coverHeight());
        assertEquals("48mm", a4.tall(48));

        String letter = replace(qbit(), "  size: A4 ", "  size: Letter ");
        Theme.Page page = load(new MiniModel(tmp.resolve("l")).put("themes/qbit.yaml", letter)).theme().page();
        assertEquals("letter", page.size());
        assertEquals(612, page.widthPt(), 1e-9);
        assertEquals(792, page.heightPt(), 1e-9);
        assertEquals(499, page.textWidthPt(), "8.5in less two 20mm margins");
        assertEquals(Math.round(612 - 2 * 18 * 72 / 25.4), page.briefTextWidthPt());
        assertTrue(Double.parseDouble(page.tall(48).replace("mm", "")) < 48, "a shorter page, a shorter cover spacing");

        String inches = replace(letter, "margin: 24mm 20mm 22mm 20mm", "margin: 1in");
        page = load(new MiniModel(tmp.resolve("i")).put("themes/qbit.yaml", inches)).theme().page();
        assertEquals(468, page.textWidthPt());
        assertEquals("25.4mm 25.4mm 25.4mm 25.4mm", page.marginCss());
    }

    @Test
    void badPageValuesAreModelErrors() throws IOException {
        String theme = replace(replace(qbit(), "  size: A4 ", "  size: B5 "), "margin: 24mm 20mm 22mm 20mm", "margin: 24px");
        String msg = problems(new MiniModel(tmp).put("themes/qbit.yaml", theme));
        assertTrue(msg.contains("seeds/mini/themes/qbit.yaml:" + position(theme, "B5") + ": page.size: unknown page size \"B5\"; expected one of: A4, Letter, A5, Legal"), msg);
        assertTrue(msg.contains("page.margin: expected 1 to 4 lengths in mm, cm, in or pt"), msg);
        msg = problems(new MiniModel(tmp.resolve("w")).put("themes/qbit.yaml", replace(qbit(), "margin: 24mm 20mm 22mm 20mm", "margin: 24mm 120mm")));
        assertTrue(msg.contains("leave too little of the page for text"), msg);
    }

    @Test
    void lowContrastColourIsAnErrorAtItsLine() throws IOException {
        String theme = replace(replace(qbit(), "name: qbit", "name: pale"), "accent: \"#00857F\"", "accent: \"#00B2A9\"");
        MiniModel m = new MiniModel(tmp).edit("report.yaml", "theme: qbit", "theme: pale").put("themes/pale.yaml", theme);
        String msg = problems(m);
        assertTrue(msg.contains("seeds/mini/themes/pale.yaml:" + position(theme, "\"#00B2A9\"")
                + ": colors.accent: #00B2A9 on paper #FFFFFF has contrast 2.6:1; text needs at least 4.5:1 (WCAG AA)"), msg);
        assertEquals(1, msg.lines().filter(l -> l.contains("colors.accent")).count(), "one problem per colour pair: " + msg);
    }

    @Test
    void largeTextOnlyNeedsThreeToOneButSmallUsesStillDecide() throws IOException {
        // #00B2A9 on the blue has 3.2:1: enough for the 72pt year, not for the 11pt trend numbers beside it
        String theme = replace(qbit(), "accent_on_primary: \"#00D4C9\"", "accent_on_primary: \"#00B2A9\"");
        String msg = problems(new MiniModel(tmp).put("themes/qbit.yaml", theme));
        assertTrue(msg.contains("colors.accent_on_primary: #00B2A9 on primary #1D3FBB has contrast 3.2:1; text needs at least 4.5:1"), msg);

        String pale = replace(qbit(), "on_primary: \"#FFFFFF\"", "on_primary: \"#4060D0\"");
        msg = problems(new MiniModel(tmp.resolve("p")).put("themes/qbit.yaml", pale));
        assertTrue(msg.contains("colors.on_primary: #4060D0 on primary #1D3FBB"), msg);
    }

    @Test
    void seriesColourWithoutALegibleLabelColourIsAnError() throws IOException {
        String theme = replace(qbit(), "\"#D34247\"", "\"#E5484D\"");
        String msg = problems(new MiniModel(tmp).put("themes/qbit.yaml", theme));
        assertTrue(msg.contains("seeds/mini/themes/qbit.yaml:" + position(theme, "\"#E5484D\"") + ": colors.series[3]: #E5484D has contrast 3.9:1 with on_primary"), msg);
        assertFalse(msg.contains("series[0]"), msg);
    }
}
