package ai.qbit.reports.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small valid report on disk (one part, one trend, one dataset) that tests break one way at a time. */
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
        this.dir = parent.resolve("mini");
        files.put("report.yaml", REPORT);
        files.put("chapters/00-preface.md", "序言正文，说明这份报告的来历。\n");
        files.put("chapters/01-apps.md", CHAPTER);
        files.put("datasets/dau.yaml", DATASET);
        files.put("sources/seed.txt", SEED);
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
