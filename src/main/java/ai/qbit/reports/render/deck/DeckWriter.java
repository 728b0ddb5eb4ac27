package ai.qbit.reports.render.deck;

import ai.qbit.reports.chart.ThemeFonts;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Inline;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Quote;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Value;
import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.render.ChartAlt;
import ai.qbit.reports.render.Labels;
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
            List<Chapter> chapters = p.chapters().stream().filter(report.deckChapters()::contains).toList();
            if (chapters.isEmpty()) continue;
            if (!p.implicit()) w.partDivider(p, chapters);
            for (Chapter c : chapters) w.chapter(c);
        }
        w.closing();
        for (var slide : show.getSlides()) w.language.tag(slide);
        List<String> titles = new ArrayList<>();
        for (XSLFSlide slide : show.getSlides()) {
            titles.add(java.util.Arrays.stream(slide.getPlaceholders()).filter(t -> t.getPlaceholderDetails().getPlaceholder() == org.apache.poi.sl.usermodel.Placeholder.TITLE
                    || t.getPlaceholderDetails().getPlaceholder() == org.apache.poi.sl.usermodel.Placeholder.CENTERED_TITLE)
                    .map(XSLFTextShape::getText).findFirst().orElse(""));
        }
        PackageProperties.write(show, report, titles);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        show.write(out);
        int n = show.getSlides().size();
        show.close();
        return new Rendered(DeterministicZip.normalize(out.toByteArray()), n);
    }

    /** Builds the slides; every word it adds to the model's comes from the report's language pack. */
    private static final class Writer {
        final Report report;
        final DeckTemplate template;
        final XMLSlideShow show;
        final Labels labels;
        final LanguagePack lang;
        final Color primary;
        final Color accent;
        final Color muted;
        final TextLanguage language;
        final NotesPages notes;

        Writer(Report report, DeckTemplate template, XMLSlideShow show) {
            this.report = report;
            this.template = template;
            this.show = show;
            this.labels = new Labels(report);
            this.lang = report.lang();
            this.primary = Color.decode(report.theme().primary());
            this.accent = Color.decode(report.theme().accent());
            this.muted = Color.decode(report.theme().muted());
            this.language = TextLanguage.of(report);
            this.notes = new NotesPages(show, template.builtIn ? report.theme() : null, language);
        }

        XSLFSlide slide(SlideLayout type) {
            return show.createSlide(template.layout(type));
        }

        /** A slide on the kind's own layout (or the template's TITLE_AND_CONTENT when it has none). */
        XSLFSlide slide(DeckTemplate.Kind kind) {
            return show.createSlide(template.layout(kind));
        }

        String msg(String key, Object... args) {
            return lang.msg(key, args);
        }

        /** "趋势五  AI应用竞争" / "Chapter 2  Wind power": a slide title naming the chapter. */
        String slideTitle(Chapter c) {
            String label = labels.tocLabel(c);
            return label.isEmpty() ? c.title() : msg("slide.label.and.title", label, c.title());
        }

        /** How the notes name a chapter: its label and quoted title. */
        String spoken(Chapter c) {
            String label = labels.chapter(c);
            return label.isEmpty() ? lang.quoted(labels.fullTitle(c)) : msg("spoken.label.and.title", label, lang.quoted(labels.fullTitle(c)));
        }

        void cover() {
            XSLFSlide s = slide(SlideLayout.TITLE);
            SlideText.setTitle(s, report.title());
            List<SlideText.Para> paras = new ArrayList<>();
            if (!report.subtitle().isEmpty()) paras.add(SlideText.Para.of(report.subtitle(), 16));
            paras.add(SlideText.Para.of(msg("cover.imprint", report.publisher(), labels.date()), 14));
            SlideText.body(s).ifPresent(b -> SlideText.fill(b, paras));
            SlideText.dropEmptyPlaceholders(s);
            int parts = report.visibleParts().size(), chapters = report.body().size();
            notes.write(s, msg("deck.notes.cover", report.publisher(), msg("title.quoted", report.title()), labels.day())
                    + (parts > 0 ? msg("deck.notes.cover.parts", parts, chapters) : msg("deck.notes.cover.chapters", chapters)));
        }

        void agenda() {
            XSLFSlide s = slide(DeckTemplate.Kind.AGENDA);
            SlideText.setTitle(s, msg("deck.agenda"));
            List<SlideText.Para> paras = new ArrayList<>();
            StringBuilder said = new StringBuilder();
            // a long agenda (two columns) lists titles only, so it can be read from the back; taglines are for short ones
            boolean taglines = report.deckChapters().size() <= 9;
            if (!report.visibleParts().isEmpty()) said.append(msg("deck.notes.agenda.parts", report.visibleParts().size()));
            for (Part p : report.parts()) {
                List<Chapter> chapters = p.chapters().stream().filter(report.deckChapters()::contains).toList();
                if (chapters.isEmpty()) continue;
                int level = p.implicit() ? 0 : 1;
                if (!p.implicit()) {
                    paras.add(new SlideText.Para(List.of(new SlideText.Run(msg("slide.label.and.title", labels.part(p), p.title()), 22, true, primary)), 0, false, null));
                }
                for (Chapter c : chapters) {
                    String label = labels.tocLabel(c);
                    String title = taglines ? labels.titleWithTagline(c) : c.title();
                    String line = label.isEmpty() ? (taglines ? labels.fullTitle(c) : c.title()) : msg("slide.label.and.title", label, title);
                    paras.add(SlideText.Para.bullet(line, 20, level));
                }
                String list = lang.join(chapters.stream().map(this::spoken).toList());
                said.append(p.implicit() ? msg("deck.notes.agenda.chapters", list)
                        : msg("deck.notes.agenda.part", labels.part(p), p.title(), list));
            }
            // a long agenda in two columns at a size the room can read, rather than one column of small print
            SlideText.body(s).ifPresent(b -> {
                SlideText.columns(b, paras.size() > 9 ? 2 : 1);
                SlideText.fill(b, paras);
            });
            notes.write(s, said.toString());
        }

        void partDivider(Part p, List<Chapter> chapters) {
            XSLFSlide s = slide(SlideLayout.SECTION_HEADER);
            SlideText.setTitle(s, msg("slide.label.and.title", labels.part(p), p.title()));
            if (!p.label().isEmpty()) SlideText.body(s).ifPresent(b -> SlideText.fill(b, List.of(SlideText.Para.of(p.label(), 18))));
            SlideText.dropEmptyPlaceholders(s);
            notes.write(s, msg("deck.notes.part", labels.part(p), p.title(),
                    lang.join(chapters.stream().map(this::spoken).toList())));
        }

        /** What the notes say a chapter is about: its summary, else its sections, else its tagline. */
        String chapterGist(Chapter c) { // (else the chapter's first paragraph)
            if (!c.summary().isEmpty()) return c.summary();
            List<String> sections = c.topHeadings().stream().map(h -> h.plainText()).toList();
            if (!sections.isEmpty()) return msg("deck.notes.chapter.sections", lang.join(sections));
            if (!c.tagline().isEmpty()) return c.tagline();
            return c.body().stream().filter(b -> b instanceof Block.Paragraph).findFirst()
                    .map(b -> Inline.plain(((Block.Paragraph) b).text()).replace('\n', ' ')).orElse("");
        }

        /** A chapter's slides: its title, key points (or summary), featured figures, key figures, quote. */
        void chapter(Chapter c) throws Exception {
            XSLFSlide s = slide(SlideLayout.SECTION_HEADER);
            SlideText.setTitle(s, slideTitle(c));
            if (!c.tagline().isEmpty()) SlideText.body(s).ifPresent(b -> SlideText.fill(b, List.of(SlideText.Para.of(c.tagline(), 20))));
            SlideText.dropEmptyPlaceholders(s);
            notes.write(s, msg("deck.notes.chapter", labels.heading(c)) + chapterGist(c));

            // key points, split onto continuation slides when there are many
            List<String> points = c.keyPoints();
            for (int from = 0; from < points.size(); from += POINTS_PER_SLIDE) {
                List<String> chunk = points.subList(from, Math.min(points.size(), from + POINTS_PER_SLIDE));
                XSLFSlide k = slide(DeckTemplate.Kind.KEY_POINTS);
                SlideText.setTitle(k, msg("deck.keypoints", c.title()) + (from > 0 ? msg("deck.continued") : ""));
                List<SlideText.Para> paras = chunk.stream().map(t -> SlideText.Para.bullet(t, 30, 0)).toList();
                SlideText.body(k).ifPresent(b -> SlideText.fill(b, paras));
                notes.write(k, msg("deck.notes.keypoints", String.join(msg("sentence.separator"), chunk)));
            }
            if (points.isEmpty() && !c.summary().isEmpty()) {
                XSLFSlide k = slide(DeckTemplate.Kind.SUMMARY);
                SlideText.setTitle(k, msg("deck.summary", c.title()));
                SlideText.body(k).ifPresent(b -> SlideText.fill(b, List.of(SlideText.Para.of(c.summary(), 28))));
                notes.write(k, c.summary());
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
            String source = msg("figure.source", d.source()) + (d.unit().isEmpty() ? "" : msg("deck.chart.unit", labels.unit(d)));
            SlideText.fill(body, List.of(new SlideText.Para(List.of(new SlideText.Run(source, 11, false, muted)), 0, false, null)));
            NativeChart.add(show, s, d, chartBox, java.util.Date.from(report.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()), lang, language, report.theme(),
                    new ChartAlt(report).of(c, d.id()));
            notes.write(s, chartNotes(d));
        }

        String chartNotes(Dataset d) {
            StringBuilder sb = new StringBuilder(msg("deck.notes.chart", lang.quoted(d.title())));
            for (Dataset.Series series : d.series()) {
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < d.categories().size(); i++) {
                    Optional<Value> v = series.values().get(i);
                    if (v.isPresent()) parts.add(msg("deck.notes.chart.point", d.categories().get(i), v.get().raw()));
                }
                String points = String.join(msg("clause.separator"), parts);
                sb.append(d.series().size() > 1 ? msg("deck.notes.chart.series", series.name(), points) : msg("deck.notes.chart.points", points));
            }
            if (!d.unit().isEmpty()) sb.append(msg("deck.notes.chart.unit", d.unit()));
            d.note().ifPresent(n -> sb.append(msg("deck.notes.chart.note", n.replaceAll("[。.]$", ""))));
            sb.append(msg("deck.notes.chart.source", d.source(),
                    lang.join(d.from().stream().map(Object::toString).toList())));
            return sb.toString();
        }

        void keyFigures(Chapter c) {
            XSLFSlide s = slide(DeckTemplate.Kind.KEY_FIGURES);
            SlideText.setTitle(s, msg("deck.keyfigures", c.title()));
            SlideText.Para source = new SlideText.Para(List.of(new SlideText.Run(msg("figure.source", msg("work.citation", report.publisher(), msg("title.quoted", report.title()))), 12, false, muted)), 0, false, null, 14d);
            List<XSLFTextShape> bodies = SlideText.bodies(s);
            if (template.has(DeckTemplate.Kind.KEY_FIGURES) && bodies.size() > c.keyFigures().size()) {
                cards(c.keyFigures(), bodies.subList(0, bodies.size() - 1));
                SlideText.Para line = new SlideText.Para(source.runs(), 0, false, null);
                SlideText.fill(bodies.get(bodies.size() - 1), List.of(line));
                SlideText.dropEmptyPlaceholders(s);
            } else {
                // one body: each figure a card of its own lines, the number large, its label beneath
                List<SlideText.Para> paras = new ArrayList<>();
                for (KeyFigure k : c.keyFigures()) {
                    paras.add(new SlideText.Para(List.of(new SlideText.Run(k.value(), 48, true, primary)), 0, false, null, 14d));
                    paras.add(new SlideText.Para(List.of(new SlideText.Run(k.label(), 20, false, null)), 1, false, null, 0d));
                }
                paras.add(source);
                SlideText.body(s).ifPresent(b -> SlideText.fill(b, paras));
            }
            notes.write(s, msg("deck.notes.keyfigures", String.join(msg("sentence.separator"), c.keyFigures().stream()
                    .map(k -> msg("deck.notes.keyfigure", k.label(), k.value(), k.from().toString())).toList())));
        }

        /**
         * Key figures on the layout's number cards: the cards in use spread across the row the layout's cards take,
         * every card at the same sizes, the largest at which each card's number and label fit it.
         */
        void cards(List<KeyFigure> figures, List<XSLFTextShape> cards) {
            List<XSLFTextShape> used = cards.subList(0, figures.size());
            Rectangle2D first = cards.get(0).getAnchor(), last = cards.get(cards.size() - 1).getAnchor();
            boolean row = cards.stream().allMatch(k -> Math.abs(k.getAnchor().getY() - first.getY()) < 1);
            if (row && used.size() < cards.size()) {
                double gap = cards.size() > 1 ? cards.get(1).getAnchor().getX() - first.getMaxX() : 0;
                double w = (last.getMaxX() - first.getX() - gap * (used.size() - 1)) / used.size();
                for (int i = 0; i < used.size(); i++) {
                    SlideText.moveTo(used.get(i), new Rectangle2D.Double(first.getX() + i * (w + gap), first.getY(), w, first.getHeight()));
                }
            }
            // each card written once, then measured at size after size (the same XML as writing it at each size)
            List<SlideText.Fitting> measured = new ArrayList<>();
            for (double size = 60; ; size -= 4) {
                double labelSize = Math.max(SlideText.MIN_FONT, Math.round(size * 0.4));
                boolean fit = true;
                for (int i = 0; i < used.size(); i++) {
                    KeyFigure k = figures.get(i);
                    List<SlideText.Para> card = List.of(
                            new SlideText.Para(List.of(new SlideText.Run(k.value(), size, true, primary)), 0, false, null),
                            new SlideText.Para(List.of(new SlideText.Run(k.label(), labelSize, false, null)), 1, false, null, size * 0.2));
                    if (measured.size() == i) {
                        SlideText.write(used.get(i), card);
                        measured.add(new SlideText.Fitting(used.get(i)));
                    } else {
                        SlideText.resize(used.get(i), card);
                        measured.get(i).changed();
                    }
                    fit &= measured.get(i).fits();
                }
                if (fit || size <= 28) {
                    if (!fit) used.forEach(SlideText::fit);
                    return;
                }
            }
        }

        void quote(Chapter c, Quote q) {
            XSLFSlide s = slide(DeckTemplate.Kind.QUOTE);
            SlideText.setTitle(s, msg("deck.quote", c.title()));
            SlideText.Para quote = new SlideText.Para(List.of(new SlideText.Run(lang.quoted(q.text()), 36, false, null)), 0, false, null);
            SlideText.Para by = new SlideText.Para(List.of(new SlideText.Run(msg("quote.attribution", q.by()), 24, false, accent)), 0, false, TextParagraph.TextAlign.RIGHT);
            List<XSLFTextShape> bodies = SlideText.bodies(s);
            if (template.has(DeckTemplate.Kind.QUOTE) && bodies.size() >= 2) {
                // the quote in its own body, the attribution in the next, kept right under the quote
                XSLFTextShape text = bodies.get(0), who = bodies.get(1);
                SlideText.fill(text, List.of(quote));
                Rectangle2D box = text.getAnchor(), whoBox = who.getAnchor();
                if (whoBox.getY() > box.getMaxY()) SlideText.moveTo(who, new Rectangle2D.Double(whoBox.getX(), box.getMaxY() + 8, whoBox.getWidth(), whoBox.getHeight()));
                SlideText.fill(who, List.of(by));
            } else {
                SlideText.body(s).ifPresent(b -> SlideText.fill(b, List.of(quote, by)));
            }
            notes.write(s, msg("deck.notes.quote", q.by(), lang.quoted(q.text())));
        }

        void closing() {
            XSLFSlide s = slide(DeckTemplate.Kind.CLOSING);
            SlideText.setTitle(s, msg("deck.closing", report.publisher()));
            Optional<Chapter> credits = report.credits();
            List<SlideText.Para> paras = new ArrayList<>();
            credits.ifPresent(t -> {
                // what reads from the back row: the headings and the short lines; the full text is in the notes
                for (Block b : t.body()) {
                    if (b instanceof Block.Heading h) paras.add(new SlideText.Para(List.of(new SlideText.Run(h.plainText(), 24, true, primary)), 0, false, null));
                    else if (b instanceof Block.ListBlock l) {
                        for (List<Block> item : l.items()) {
                            String line = String.join(" ", plainLines(item));
                            if (line.length() <= 40) paras.add(SlideText.Para.of(line, 22));
                        }
                    } else if (b instanceof Block.Paragraph p && Inline.plain(p.text()).length() <= 40) {
                        paras.add(SlideText.Para.of(Inline.plain(p.text()).replace('\n', ' '), 22));
                    }
                }
            });
            // a heading with nothing shown under it is dropped; with nothing left, the slide names the report
            for (int i = paras.size() - 1; i >= 0; i--) {
                boolean heading = paras.get(i).runs().get(0).bold();
                if (heading && (i == paras.size() - 1 || paras.get(i + 1).runs().get(0).bold())) paras.remove(i);
            }
            if (paras.isEmpty()) {
                paras.add(SlideText.Para.of(report.title(), 32));
                paras.add(SlideText.Para.of(msg("cover.imprint", report.publisher(), labels.date()), 24));
            }
            SlideText.body(s).ifPresent(b -> {
                SlideText.columns(b, paras.size() > 6 ? 2 : 1);
                SlideText.fill(b, paras);
            });
            notes.write(s, credits.map(t -> msg("deck.notes.closing.credits", report.publisher(), t.title(),
                    String.join(msg("sentence.separator"), plainLines(t.body())))).orElse(msg("deck.notes.closing", report.publisher())));
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
                    out.add(String.join("  ", items));
                }
            }
            return out;
        }
    }
}
