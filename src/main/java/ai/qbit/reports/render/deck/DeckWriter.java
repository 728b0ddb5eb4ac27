package ai.qbit.reports.render.deck;

import ai.qbit.reports.chart.ThemeFonts;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.ChapterKind;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Quote;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Value;
import org.apache.poi.sl.usermodel.TextParagraph;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The presenter deck: every text in a layout placeholder, charts native with their data embedded,
 * speaker notes that say each slide in full sentences with the numbers' qualifiers and sources.
 */
public final class DeckWriter {
    /** Key points per slide before a continuation slide is made. */
    private static final int POINTS_PER_SLIDE = 5;

    public record Rendered(byte[] pptx, int slides) {
    }

    public Rendered write(Report report, DeckTemplate template) throws Exception {
        new ThemeFonts(report.theme()).registerWithAwt();
        XMLSlideShow show = template.show;
        Writer w = new Writer(report, template, show);
        w.cover();
        w.agenda();
        for (Part p : report.parts()) {
            w.partDivider(p);
            for (Chapter c : p.chapters()) {
                if (c.isTrend()) w.trend(p, c);
                else if (c.kind() == ChapterKind.CASE) w.caseStudy(c);
            }
        }
        w.closing();
        var props = show.getProperties().getCoreProperties();
        java.util.Date date = java.util.Date.from(report.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        props.setTitle(report.title());
        props.setCreator(report.author());
        props.setSubjectProperty(report.subtitle());
        props.setKeywords(String.join(", ", report.keywords()));
        props.setCreated(java.util.Optional.of(date));
        props.setModified(java.util.Optional.of(date));
        props.setLastModifiedByUser(report.publisher());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        show.write(out);
        int n = show.getSlides().size();
        show.close();
        return new Rendered(DeterministicZip.normalize(out.toByteArray()), n);
    }

    private static final class Writer {
        final Report report;
        final DeckTemplate template;
        final XMLSlideShow show;
        final Color primary;
        final Color accent;
        final Color muted;

        Writer(Report report, DeckTemplate template, XMLSlideShow show) {
            this.report = report;
            this.template = template;
            this.show = show;
            this.primary = Color.decode(report.theme().primary());
            this.accent = Color.decode(report.theme().accent());
            this.muted = Color.decode(report.theme().muted());
        }

        XSLFSlide slide(SlideLayout type) {
            return show.createSlide(template.layout(type));
        }

        void cover() {
            XSLFSlide s = slide(SlideLayout.TITLE);
            SlideText.setTitle(s, report.title());
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, List.of(
                    SlideText.Para.of(report.subtitle(), 16),
                    SlideText.Para.of(report.publisher() + " · " + report.date().getYear() + "年" + report.date().getMonthValue() + "月", 14))));
            SlideText.dropEmptyPlaceholders(s);
            SlideText.notes(show, s, "欢迎。今天介绍" + report.publisher() + "发布的《" + report.title() + "》，发布于"
                    + report.date().getYear() + "年" + report.date().getMonthValue() + "月" + report.date().getDayOfMonth() + "日。"
                    + "报告分为" + report.parts().size() + "个部分、" + report.trends().size() + "大趋势。");
        }

        void agenda() {
            XSLFSlide s = slide(SlideLayout.TITLE_AND_CONTENT);
            SlideText.setTitle(s, "目录");
            List<SlideText.Para> paras = new ArrayList<>();
            StringBuilder notes = new StringBuilder("本报告分为" + report.parts().size() + "个部分。");
            for (Part p : report.parts()) {
                paras.add(new SlideText.Para(List.of(new SlideText.Run("PART " + p.number() + "  " + p.title(), 18, true, primary)), 0, false, null));
                List<Chapter> trends = p.chapters().stream().filter(Chapter::isTrend).toList();
                for (Chapter c : trends) paras.add(SlideText.Para.bullet(c.numberLabel() + "  " + c.title() + "：" + c.tagline(), 15, 1));
                notes.append("PART ").append(p.number()).append(" ").append(p.title()).append("包括")
                        .append(trends.stream().map(c -> c.numberLabel() + "“" + c.title() + "”").collect(Collectors.joining("、"))).append("。");
            }
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, paras));
            SlideText.notes(show, s, notes.toString());
        }

        void partDivider(Part p) {
            XSLFSlide s = slide(SlideLayout.SECTION_HEADER);
            SlideText.setTitle(s, "PART " + p.number() + "  " + p.title());
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, List.of(SlideText.Para.of(p.label(), 18))));
            SlideText.dropEmptyPlaceholders(s);
            List<Chapter> trends = p.chapters().stream().filter(Chapter::isTrend).toList();
            SlideText.notes(show, s, "下面进入第" + p.number() + "部分：" + p.title() + "（" + p.label() + "）。这一部分讲"
                    + trends.stream().map(c -> c.numberLabel() + "“" + c.fullTitle() + "”").collect(Collectors.joining("；")) + "。");
        }

        void trend(Part p, Chapter c) throws Exception {
            // title slide
            XSLFSlide s = slide(SlideLayout.SECTION_HEADER);
            SlideText.setTitle(s, c.numberLabel() + "  " + c.title());
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, List.of(SlideText.Para.of(c.tagline(), 20))));
            SlideText.dropEmptyPlaceholders(s);
            SlideText.notes(show, s, c.numberLabel() + "：" + c.fullTitle() + "。" + c.summary());

            // key points, split onto continuation slides when there are many
            List<String> points = c.keyPoints();
            for (int from = 0; from < points.size(); from += POINTS_PER_SLIDE) {
                List<String> chunk = points.subList(from, Math.min(points.size(), from + POINTS_PER_SLIDE));
                XSLFSlide k = slide(SlideLayout.TITLE_AND_CONTENT);
                SlideText.setTitle(k, c.title() + "：核心观点" + (from > 0 ? "（续）" : ""));
                List<SlideText.Para> paras = chunk.stream().map(t -> SlideText.Para.bullet(t, 20, 0)).toList();
                SlideText.body(k).ifPresent(b -> SlideText.fill(b, paras));
                SlideText.notes(show, k, "核心观点：" + String.join("；", chunk) + "。");
            }

            for (String id : c.figureIds()) chartSlide(c, report.dataset(id));
            if (!c.keyFigures().isEmpty()) keyFigures(c);
            c.quote().ifPresent(q -> quote(c, q));
        }

        void chartSlide(Chapter c, Dataset d) throws Exception {
            XSLFSlide s = slide(SlideLayout.TITLE_AND_CONTENT);
            SlideText.setTitle(s, d.title());
            XSLFTextShape body = SlideText.body(s).orElseThrow();
            Rectangle2D area = body.getAnchor();
            // the chart takes the content area; the body placeholder becomes the source line beneath it
            double sourceHeight = 30;
            Rectangle2D chartBox = new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), area.getHeight() - sourceHeight - 6);
            SlideText.moveTo(body, new Rectangle2D.Double(area.getX(), area.getMaxY() - sourceHeight, area.getWidth(), sourceHeight));
            String source = "来源：" + d.source() + (d.unit().isEmpty() ? "" : "（" + d.unitLabel() + "）");
            SlideText.fill(body, List.of(new SlideText.Para(List.of(new SlideText.Run(source, 11, false, muted)), 0, false, null)));
            NativeChart.add(show, s, d, chartBox, java.util.Date.from(report.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
            SlideText.notes(show, s, chartNotes(c, d));
        }

        String chartNotes(Chapter c, Dataset d) {
            StringBuilder sb = new StringBuilder();
            sb.append("这张图是“").append(d.title()).append("”。");
            for (Dataset.Series series : d.series()) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < d.categories().size(); i++) {
                    Optional<Value> v = series.values().get(i);
                    if (v.isPresent()) parts.add(d.categories().get(i) + "为" + v.get().raw());
                }
                if (d.series().size() > 1) sb.append(series.name()).append("：");
                sb.append(String.join("，", parts)).append("。");
            }
            if (!d.unit().isEmpty()) sb.append("单位为").append(d.unit()).append("。");
            d.note().ifPresent(n -> sb.append("注：").append(n).append(n.endsWith("。") ? "" : "。"));
            sb.append("数据来源：").append(d.source()).append("；出处：")
                    .append(d.from().stream().map(Object::toString).collect(Collectors.joining("、"))).append("。");
            return sb.toString();
        }

        void keyFigures(Chapter c) {
            XSLFSlide s = slide(SlideLayout.TITLE_AND_CONTENT);
            SlideText.setTitle(s, c.title() + "：关键数字");
            List<SlideText.Para> paras = new ArrayList<>();
            for (KeyFigure k : c.keyFigures()) {
                paras.add(new SlideText.Para(List.of(new SlideText.Run(k.value(), 30, true, primary),
                        new SlideText.Run("  " + k.label(), 16, false, null)), 0, false, null));
            }
            paras.add(new SlideText.Para(List.of(new SlideText.Run("来源：" + report.publisher() + "《" + report.title() + "》", 11, false, muted)), 0, false, null));
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, paras));
            SlideText.notes(show, s, "关键数字：" + c.keyFigures().stream()
                    .map(k -> k.label() + "为" + k.value() + "（出处：" + k.from() + "）").collect(Collectors.joining("；")) + "。");
        }

        void quote(Chapter c, Quote q) {
            XSLFSlide s = slide(SlideLayout.TITLE_AND_CONTENT);
            SlideText.setTitle(s, c.title() + "：观点");
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, List.of(
                    new SlideText.Para(List.of(new SlideText.Run("“" + q.text() + "”", 24, false, null)), 0, false, null),
                    new SlideText.Para(List.of(new SlideText.Run("—— " + q.by(), 16, false, accent)), 0, false, TextParagraph.TextAlign.RIGHT))));
            SlideText.notes(show, s, q.by() + "的观点：“" + q.text() + "”");
        }

        void caseStudy(Chapter c) {
            XSLFSlide s = slide(SlideLayout.TITLE_AND_CONTENT);
            SlideText.setTitle(s, "案例：" + c.title());
            List<SlideText.Para> paras = new ArrayList<>();
            if (!c.tagline().isEmpty()) paras.add(new SlideText.Para(List.of(new SlideText.Run(c.tagline(), 22, true, primary)), 0, false, null));
            if (!c.summary().isEmpty()) paras.add(SlideText.Para.of(c.summary(), 18));
            for (Block.Heading h : c.topHeadings()) paras.add(SlideText.Para.bullet(h.plainText(), 16, 0));
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, paras));
            SlideText.notes(show, s, "案例：" + c.title() + (c.tagline().isEmpty() ? "" : "，" + c.tagline()) + "。" + c.summary());
        }

        void closing() {
            XSLFSlide s = slide(SlideLayout.TITLE_AND_CONTENT);
            SlideText.setTitle(s, "谢谢 · " + report.publisher());
            Optional<Chapter> team = report.back().stream().filter(c -> c.id().equals("team")).findFirst();
            List<SlideText.Para> paras = new ArrayList<>();
            team.ifPresent(t -> {
                for (String line : plainLines(t.body())) paras.add(SlideText.Para.of(line, 14));
            });
            if (paras.isEmpty()) paras.add(SlideText.Para.of(report.title(), 18));
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, paras));
            SlideText.notes(show, s, "感谢聆听。本报告由" + report.publisher() + "出品"
                    + team.map(t -> "，团队：" + String.join("；", plainLines(t.body()))).orElse("") + "。");
        }

        /** The text lines of a body: headings, paragraphs and list items, for a plain listing. */
        static List<String> plainLines(List<Block> blocks) {
            List<String> out = new ArrayList<>();
            for (Block b : blocks) {
                if (b instanceof Block.Heading h) out.add(h.plainText());
                else if (b instanceof Block.Paragraph p) out.add(Inline.plain(p.text()).replace('\n', ' '));
                else if (b instanceof Block.ListBlock l) {
                    List<String> items = new ArrayList<>();
                    for (List<Block> item : l.items()) items.add(String.join(" ", plainLines(item)));
                    out.add(String.join("　", items));
                }
            }
            return out;
        }
    }
}
