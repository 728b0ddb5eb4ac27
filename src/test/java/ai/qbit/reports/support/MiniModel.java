package ai.qbit.reports.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small valid report on disk (one part, one trend, one dataset) that tests break one way at a time, and
 * variants of other shapes: {@link #withoutParts}, {@link #sectionsOnly}, {@link #english}, {@link #englishLetter}.
 */
public final class MiniModel {
    public final Path dir;
    public final Map<String, String> files = new LinkedHashMap<>();

    public static final String REPORT = """
            id: "mini"
            title: 迷你报告
            subtitle: MINI REPORT
            publisher: 测试智库
            author: 测试智库
            date: 2024-12-13
            language: zh-CN
            theme: qbit
            keywords: [测试]
            front:
              - id: preface
                title: 序言
                file: chapters/00-preface.md
            parts:
              - id: tech
                number: 1
                label: TECHNOLOGY
                title: 技术篇
                chapters:
                  - id: apps
                    kind: trend
                    number: 1
                    title: AI应用竞争
                    tagline: 多领域竞速运营大于技术
                    file: chapters/01-apps.md
                    summary: 夸克十月日活超过2600万。豆包紧随其后。
                    key_points:
                      - 夸克领先
                      - 豆包增长快
                      - 留存不足
                    key_figures:
                      - value: 超2600万
                        label: 夸克10月日活
                        from: seed.txt:3
                      - value: 超760万
                        label: 豆包10月日活
                        from: seed.txt:3
                    figures: [dau]
                    quote:
                      text: 运营大于技术。
                      by: 测试智库
            back: []
            """;

    public static final String CHAPTER = """
            ## 1. 用户活跃

            仅夸克1款产品平均日活超千万，超过2600万。**豆包**紧随其后。

            ![](figure:dau)

            > 运营大于技术。
            >
            > —— 测试智库
            """;

    public static final String DATASET = """
            id: dau
            title: 2024年10月DAU
            chart: hbar
            unit: 万
            categories: [夸克, 豆包]
            series:
              - name: 平均日活
                values: [超2600万, 超760万]
            source: 测试数据
            from: [seed.txt:3]
            """;

    public static final String SEED = "第一行\n第二行\n仅夸克1款产品平均日活超千万，超过2600万。百万级梯队包括超760万的豆包AI。\n";

    public MiniModel(Path parent) {
        this(parent, "mini");
    }

    /** The base model in {@code parent/<id>} (its report.yaml still says id "mini": the folder names the report). */
    public MiniModel(Path parent, String id) {
        this.dir = parent.resolve(id);
        files.put("report.yaml", REPORT);
        files.put("chapters/00-preface.md", "序言正文，说明这份报告的来历。\n");
        files.put("chapters/01-apps.md", CHAPTER);
        files.put("datasets/dau.yaml", DATASET);
        files.put("sources/seed.txt", SEED);
    }

    /** The model's id: its folder name under seeds/. */
    public String id() {
        return dir.getFileName().toString();
    }

    static final String APPS_TREND = """
              - id: apps
                kind: trend
                number: 1
                title: AI应用竞争
                tagline: 多领域竞速运营大于技术
                file: chapters/01-apps.md
                summary: 夸克十月日活超过2600万。豆包紧随其后。
                key_points:
                  - 夸克领先
                  - 豆包增长快
                  - 留存不足
                key_figures:
                  - value: 超2600万
                    label: 夸克10月日活
                    from: seed.txt:3
                figures: [dau]
                quote:
                  text: 运营大于技术。
                  by: 测试智库
            """;

    static final String SHARES_SECTION = """
              - id: shares
                kind: section
                title: 市场份额
                file: chapters/02-shares.md
            """;

    static final String SHARES_CHAPTER = """
            ## 1. 份额

            夸克占比约60%，豆包占比约40%。

            ![份额](figure:share)

            ## 2. 方法

            数据来自测试。
            """;

    static final String SHARE_DATASET = """
            id: share
            title: 份额
            chart: pie
            unit: "%"
            categories: [夸克, 豆包]
            series:
              - name: 份额
                values: [约60%, 约40%]
            source: 测试数据
            from: [seed.txt:4]
            """;

    static final String HEAD = """
            id: "mini"
            title: 迷你报告
            subtitle: MINI REPORT
            publisher: 测试智库
            author: 测试智库
            date: 2024-12-13
            language: zh-CN
            theme: qbit
            keywords: [测试]
            front:
              - id: preface
                title: 序言
                file: chapters/00-preface.md
            """;

    static final String TEAM = """
            back:
              - id: team
                title: 项目团队
                file: chapters/91-team.md
                credits: true
            """;

    private MiniModel shaped(String report) {
        put("report.yaml", report);
        put("chapters/02-shares.md", SHARES_CHAPTER);
        put("datasets/share.yaml", SHARE_DATASET);
        put("chapters/91-team.md", "- 主编：测试\n- 数据：测试\n");
        put("sources/seed.txt", SEED + "夸克占比约60%，豆包占比约40%。\n");
        return this;
    }

    /** No parts: a trend and a section listed directly under `chapters:`, and a credits chapter at the back. */
    public static MiniModel withoutParts(Path parent) {
        return new MiniModel(parent, "noparts").shaped(HEAD + "chapters:\n" + APPS_TREND + SHARES_SECTION + TEAM);
    }

    /** One part of `kind: section` chapters only (sections are not numbered by default). */
    public static MiniModel sectionsOnly(Path parent) {
        String apps = APPS_TREND.replace("kind: trend", "kind: section").replace("    number: 1\n", "");
        return new MiniModel(parent, "sections").shaped(HEAD + """
                parts:
                  - id: market
                    number: 1
                    label: MARKET
                    title: 市场篇
                    chapters:
                """ + apps.indent(4) + SHARES_SECTION.indent(4) + TEAM);
    }

    static final String EN_REPORT = """
            id: "mini-en"
            title: A Small Report
            subtitle: Apps and their users
            publisher: Test Briefings
            author: Test Briefings
            date: 2024-12-13
            language: en
            theme: THEME
            keywords: [apps, users]
            numbering:
              section: chapter
            front:
              - id: foreword
                title: Foreword
                file: chapters/00-foreword.md
            chapters:
              - id: users
                kind: section
                title: Daily users
                tagline: One app leads by far
                file: chapters/01-users.md
                summary: The leading app passed 4,000 daily users in 2024. The second reached 1,500.
                key_points:
                  - One app leads by far.
                  - The second app grows fast.
                  - Retention stays low.
                key_figures:
                  - value: over 4,000
                    label: daily users of the leading app, 2024
                    from: seed.txt:1
                quote:
                  text: Operations matter more than technology.
                  by: Test Briefings
              - id: shares
                kind: section
                title: Market shares
                file: chapters/02-shares.md
            back:
              - id: credits
                title: Credits
                file: chapters/90-credits.md
                credits: true
            """;

    /** English, no parts, sections numbered "Chapter 1, 2", on the built-in theme (A4). */
    public static MiniModel english(Path parent) {
        MiniModel m = new MiniModel(parent, "english");
        m.files.clear();
        m.put("report.yaml", EN_REPORT.replace("THEME", "qbit"));
        m.put("chapters/00-foreword.md", "This small report exists to test the toolkit in English.\n");
        m.put("chapters/01-users.md", """
                ## 1. Users

                The leading app passed **4,000** daily users in 2024; the second reached 1,500.[^1]

                ![](figure:users)

                > Operations matter more than technology.
                >
                > — Test Briefings

                Table: Apps compared

                | App | Users |
                |---|---|
                | Alpha | over 4,000 |
                | Beta | 1,500 |

                [^1]: Counted in October 2024.
                """);
        m.put("chapters/02-shares.md", """
                ## 1. Shares

                Alpha holds about 60% of the market and Beta about 40%.

                ![Market shares](figure:shares)
                """);
        m.put("chapters/90-credits.md", "- Editor: A. Tester\n- Data: B. Tester\n");
        m.put("datasets/users.yaml", """
                id: users
                title: Daily users of the leading apps, 2024
                chart: hbar
                unit: ""
                categories: [Alpha, Beta]
                series:
                  - name: Daily users
                    values: ["over 4,000", "1,500"]
                source: Test Briefings, app statistics
                from: [seed.txt:1]
                """);
        m.put("datasets/shares.yaml", """
                id: shares
                title: Market shares, 2024
                chart: pie
                unit: "%"
                categories: [Alpha, Beta]
                series:
                  - name: Share
                    values: [about 60%, about 40%]
                source: Test Briefings, market survey
                from: [seed.txt:2]
                """);
        m.put("sources/seed.txt", "The leading app passed 4,000 daily users in 2024; the second reached 1,500.\n"
                + "Alpha holds about 60% of the market and Beta about 40%.\n");
        return m;
    }

    /**
     * As {@link #english}, on the report's own theme {@code themes/letter.yaml} with a US Letter page
     * ({@code page: {size: Letter}}): a theme under the report's folder and a page size in the theme.
     */
    public static MiniModel englishLetter(Path parent) {
        MiniModel m = english(parent.resolve("letter-parent")).moveTo(parent, "letter");
        m.put("report.yaml", EN_REPORT.replace("THEME", "letter"));
        m.put("themes/letter.yaml", """
                name: letter
                page: {size: Letter}
                fonts:
                  family: Noto Sans SC
                  fallback: Calibri
                  regular: fonts/NotoSansSC-Regular.ttf
                  bold: fonts/NotoSansSC-Bold.ttf
                colors:
                  primary: "#0B5D4B"
                  accent: "#B4490F"
                  ink: "#1B2A26"
                  muted: "#52605B"
                  rule: "#CFE0D8"
                  paper: "#FFFFFF"
                  tint: "#E8F4EF"
                  quote: "#F3F8F6"
                  strong: "#000000"
                  on_primary: "#FFFFFF"
                  accent_on_primary: "#FFC48F"
                  series: ["#0B5D4B", "#E07A1F", "#3FB3A3", "#8AB17D"]
                """);
        return m;
    }

    private MiniModel moveTo(Path parent, String id) {
        MiniModel m = new MiniModel(parent, id);
        m.files.clear();
        m.files.putAll(files);
        return m;
    }

    /** Replaces {@code from} by {@code to} in {@code file} (which must contain it). */
    public MiniModel edit(String file, String from, String to) {
        String s = files.get(file);
        if (!s.contains(from)) throw new IllegalArgumentException(file + " does not contain: " + from);
        files.put(file, s.replace(from, to));
        return this;
    }

    public MiniModel put(String file, String content) {
        files.put(file, content);
        return this;
    }

    public MiniModel remove(String file) {
        files.remove(file);
        return this;
    }

    public Path write() {
        try {
            for (var e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path assets() {
        return Path.of("assets").toAbsolutePath();
    }
}
