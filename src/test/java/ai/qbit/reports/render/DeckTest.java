package ai.qbit.reports.render;

import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Value;
import ai.qbit.reports.support.Rendered;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reopens every report's deck.pptx with POI: what a presenter gets in PowerPoint. */
class DeckTest {
    static final String IDS = ReportPdfTest.IDS;
    /** DeckWriter puts at most this many key points on a slide, then continues on the next. */
    static final int POINTS_PER_SLIDE = 5;
    private static final Map<Path, XMLSlideShow> OPEN = new ConcurrentHashMap<>();

    static XMLSlideShow open(Path pptx) {
        return OPEN.computeIfAbsent(pptx, p -> {
            try (InputStream in = Files.newInputStream(p)) {
                return new XMLSlideShow(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static XMLSlideShow show(String id) {
        return open(Rendered.of(id).file("deck.pptx"));
    }

    static void all(Report r, XMLSlideShow show) {
        slideSequence(r, show);
        placeholdersOnly(show);
        nativeCharts(r, show);
        notes(show);
        textFits(r, show);
    }

    static String title(XSLFSlide s) {
        for (XSLFTextShape t : s.getPlaceholders()) {
            var ph = t.getPlaceholderDetails().getPlaceholder();
            if (ph == org.apache.poi.sl.usermodel.Placeholder.TITLE || ph == org.apache.poi.sl.usermodel.Placeholder.CENTERED_TITLE) return t.getText();
        }
        return "";
    }

    /**
     * One expected slide: its layout type on a template without the kinds' own layouts (content slides use
     * TITLE_AND_CONTENT), its title, and the name of the built-in layout it uses (a template may provide the same).
     */
    record Expected(SlideLayout layout, String title, String layoutName) {
        Expected(SlideLayout layout, String title) {
            this(layout, title, null);
        }

        Expected typeAndTitle() {
            return new Expected(layout, title);
        }

        @Override
        public String toString() {
            return layout + " \"" + title + "\"";
        }
    }

    /** The slides the model implies, in order, each with the words the language pack gives it. */
    static List<Expected> expected(Report r) {
        Labels l = new Labels(r);
        LanguagePack lang = r.lang();
        List<Expected> out = new ArrayList<>();
        out.add(new Expected(SlideLayout.TITLE, r.title(), "Title Slide"));
        out.add(new Expected(SlideLayout.TITLE_AND_CONTENT, lang.msg("deck.agenda"), "Agenda"));
        for (Part p : r.parts()) {
            List<Chapter> chapters = p.chapters().stream().filter(r.deckChapters()::contains).toList();
            if (chapters.isEmpty()) continue;
            if (!p.implicit()) out.add(new Expected(SlideLayout.SECTION_HEADER, lang.msg("slide.label.and.title", l.part(p), p.title()), "Section Header"));
            for (Chapter c : chapters) {
                String label = l.tocLabel(c);
                out.add(new Expected(SlideLayout.SECTION_HEADER, label.isEmpty() ? c.title() : lang.msg("slide.label.and.title", label, c.title()), "Section Header"));
                for (int from = 0; from < c.keyPoints().size(); from += POINTS_PER_SLIDE) {
                    out.add(new Expected(SlideLayout.TITLE_AND_CONTENT, lang.msg("deck.keypoints", c.title()) + (from > 0 ? lang.msg("deck.continued") : ""), "Key Points"));
                }
                if (c.keyPoints().isEmpty() && !c.summary().isEmpty()) out.add(new Expected(SlideLayout.TITLE_AND_CONTENT, lang.msg("deck.summary", c.title()), "Summary"));
                for (String f : c.figureIds()) out.add(new Expected(SlideLayout.TITLE_AND_CONTENT, r.dataset(f).title(), "Title and Content"));
                if (!c.keyFigures().isEmpty()) out.add(new Expected(SlideLayout.TITLE_AND_CONTENT, lang.msg("deck.keyfigures", c.title()), "Key Figures"));
                if (c.quote().isPresent()) out.add(new Expected(SlideLayout.TITLE_AND_CONTENT, lang.msg("deck.quote", c.title()), "Quote"));
            }
        }
        out.add(new Expected(SlideLayout.TITLE_AND_CONTENT, lang.msg("deck.closing", r.publisher()), "Closing"));
        return out;
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void slidesAreWhatTheModelImpliesInOrder(String id) {
        Report r = Rendered.of(id).report();
        XMLSlideShow show = show(id);
        assertEquals(960, show.getPageSize().width);
        assertEquals(540, show.getPageSize().height);
        slideSequence(r, show);
        slideSequenceByLayoutName(r, show);
    }

    /** The slides in order, each on the layout its kind names: the built-in master's. */
    static void slideSequenceByLayoutName(Report r, XMLSlideShow show) {
        List<String> expected = expected(r).stream().map(e -> e.layoutName() + " \"" + e.title() + "\"").toList();
        List<String> actual = show.getSlides().stream().map(s -> s.getSlideLayout().getName() + " \"" + title(s) + "\"").toList();
        assertEquals(expected, actual, "slides: the layout named for each kind, and the title");
    }

    static void slideSequence(Report r, XMLSlideShow show) {
        List<Expected> expected = expected(r).stream().map(Expected::typeAndTitle).toList();
        // a kind's own layout is a custom one; what it stands in for is a title-and-content slide
        List<Expected> actual = show.getSlides().stream().map(s -> {
            SlideLayout type = s.getSlideLayout().getType();
            return new Expected(type == SlideLayout.TITLE || type == SlideLayout.SECTION_HEADER ? type : SlideLayout.TITLE_AND_CONTENT, title(s));
        }).toList();
        assertEquals(expected, actual, "slides: layout and title of each, as the model implies");
        // a section-header slide per deck chapter (and per visible part that has deck chapters)
        long headers = actual.stream().filter(e -> e.layout() == SlideLayout.SECTION_HEADER).count();
        long parts = r.parts().stream().filter(p -> !p.implicit() && p.chapters().stream().anyMatch(r.deckChapters()::contains)).count();
        assertEquals(r.deckChapters().size() + parts, headers, "section headers");
        // key-point slides hold the chapter's key points, in order, at most POINTS_PER_SLIDE each
        Labels l = new Labels(r);
        for (Chapter c : r.deckChapters()) {
            if (c.keyPoints().isEmpty()) continue;
            List<String> bullets = new ArrayList<>();
            String prefix = r.lang().msg("deck.keypoints", c.title());
            for (XSLFSlide s : show.getSlides()) {
                if (!title(s).startsWith(prefix)) continue;
                List<String> here = body(s);
                assertTrue(here.size() <= POINTS_PER_SLIDE, l.heading(c) + ": " + here);
                bullets.addAll(here);
            }
            assertEquals(c.keyPoints(), bullets, "key points of " + c.id());
        }
    }

    /** The paragraphs of a slide's body placeholder. */
    static List<String> body(XSLFSlide s) {
        List<String> out = new ArrayList<>();
        for (XSLFTextShape t : s.getPlaceholders()) {
            var ph = t.getPlaceholderDetails().getPlaceholder();
            if (ph == org.apache.poi.sl.usermodel.Placeholder.TITLE || ph == org.apache.poi.sl.usermodel.Placeholder.CENTERED_TITLE) continue;
            t.getTextParagraphs().forEach(p -> out.add(p.getText()));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void everyShapeIsAPlaceholderOrAChartNeverAPicture(String id) {
        placeholdersOnly(show(id));
    }

    static void placeholdersOnly(XMLSlideShow show) {
        for (XSLFSlide s : show.getSlides()) {
            for (XSLFShape sh : s.getShapes()) {
                assertFalse(sh instanceof XSLFPictureShape, "picture on slide " + s.getSlideNumber());
                boolean placeholder = sh instanceof XSLFTextShape t && t.getPlaceholderDetails().getPlaceholder() != null;
                boolean chart = sh instanceof XSLFGraphicFrame g && g.hasChart();
                assertTrue(placeholder || chart, "slide " + s.getSlideNumber() + ": " + sh.getShapeName() + " is neither placeholder nor chart");
            }
        }
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void oneNativeChartPerFeaturedFigureWithTheDatasetValuesInItsWorkbook(String id) throws Exception {
        nativeCharts(Rendered.of(id).report(), show(id));
    }

    /** The datasets the deck charts, in order: each deck chapter's featured figures. */
    static List<Dataset> featured(Report r) {
        return r.deckChapters().stream().flatMap(c -> c.figureIds().stream()).map(r::dataset).toList();
    }

    static void nativeCharts(Report r, XMLSlideShow show) {
        List<Dataset> featured = featured(r);
        List<XSLFSlide> chartSlides = new ArrayList<>();
        for (XSLFSlide s : show.getSlides()) {
            long charts = s.getShapes().stream().filter(sh -> sh instanceof XSLFGraphicFrame g && g.hasChart()).count();
            assertTrue(charts <= 1, "one chart a slide: slide " + s.getSlideNumber());
            if (charts == 1) chartSlides.add(s);
        }
        assertEquals(featured.size(), chartSlides.size(), "a chart slide per featured figure");
        assertEquals(featured.size(), show.getCharts().size());
        for (int i = 0; i < featured.size(); i++) {
            Dataset d = featured.get(i);
            XSLFSlide s = chartSlides.get(i);
            assertEquals(d.title(), title(s), "chart slide " + (i + 1));
            XSLFChart chart = s.getShapes().stream().filter(sh -> sh instanceof XSLFGraphicFrame g && g.hasChart())
                    .map(sh -> ((XSLFGraphicFrame) sh).getChart()).findFirst().orElseThrow();
            Sheet sheet;
            try {
                sheet = chart.getWorkbook().getSheetAt(0);
            } catch (Exception e) {
                throw new AssertionError(d.id() + ": the chart's embedded workbook cannot be read", e);
            }
            if (floats(d)) {
                // a range floats: the first column is its low end (an invisible bar), the second its width
                for (int c = 0; c < d.categories().size(); c++) {
                    Optional<Value> v = d.series().get(0).values().get(c);
                    if (v.isEmpty()) continue;
                    double low = sheet.getRow(c + 1).getCell(1).getNumericCellValue(), width = sheet.getRow(c + 1).getCell(2).getNumericCellValue();
                    assertEquals(v.get().isRange() ? v.get().low() : 0, low, 1e-9, d.id() + " " + d.categories().get(c));
                    assertEquals(v.get().high(), low + width, 1e-9, d.id() + " " + d.categories().get(c));
                }
            } else for (int si = 0; si < d.series().size(); si++) {
                assertEquals(d.series().get(si).name(), sheet.getRow(0).getCell(si + 1).getStringCellValue(), d.id() + " series name");
                for (int c = 0; c < d.categories().size(); c++) {
                    Optional<Value> v = d.series().get(si).values().get(c);
                    var cell = sheet.getRow(c + 1).getCell(si + 1);
                    if (v.isPresent()) assertEquals(v.get().mid(), cell.getNumericCellValue(), 1e-9, d.id() + " " + d.categories().get(c));
                }
            }
            for (int c = 0; c < d.categories().size(); c++) {
                assertTrue(sheet.getRow(c + 1).getCell(0).getStringCellValue().startsWith(d.categories().get(c)), d.id() + " category " + c);
            }
        }
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void everySlideHasSpeakerNotes(String id) {
        notes(show(id));
    }

    static String notesOf(XSLFSlide s) {
        XSLFNotes notes = s.getNotes();
        if (notes == null) return "";
        StringBuilder text = new StringBuilder();
        for (XSLFTextShape t : notes.getPlaceholders()) {
            var ph = t.getPlaceholderDetails().getPlaceholder();
            if (ph == org.apache.poi.sl.usermodel.Placeholder.SLIDE_IMAGE || ph == org.apache.poi.sl.usermodel.Placeholder.SLIDE_NUMBER) continue;
            text.append(t.getText());
        }
        return text.toString();
    }

    static void notes(XMLSlideShow show) {
        for (XSLFSlide s : show.getSlides()) {
            assertNotNull(s.getNotes(), "notes on slide " + s.getSlideNumber());
            String text = notesOf(s);
            assertTrue(text.strip().length() > 10, "notes on slide " + s.getSlideNumber() + " (" + title(s) + "): " + text);
        }
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void chartAndKeyFigureNotesCiteTheirSourceLines(String id) {
        Report r = Rendered.of(id).report();
        XMLSlideShow show = show(id);
        List<XSLFSlide> slides = show.getSlides();
        List<Dataset> featured = featured(r);
        int chart = 0;
        for (XSLFSlide s : slides) {
            if (s.getShapes().stream().noneMatch(sh -> sh instanceof XSLFGraphicFrame g && g.hasChart())) continue;
            Dataset d = featured.get(chart++);
            String notes = notesOf(s);
            for (var ref : d.from()) assertTrue(notes.contains(ref.toString()), d.id() + " notes cite " + ref + ": " + notes);
        }
        for (Chapter c : r.deckChapters()) {
            if (c.keyFigures().isEmpty()) continue;
            String title = r.lang().msg("deck.keyfigures", c.title());
            XSLFSlide s = slides.stream().filter(x -> title(x).equals(title)).findFirst().orElseThrow();
            for (var k : c.keyFigures()) assertTrue(notesOf(s).contains(k.from().toString()), c.id() + " key figure notes cite " + k.from());
        }
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void textFitsItsBoxWithTheThemeFont(String id) {
        textFits(Rendered.of(id).report(), show(id));
    }

    /** A one-series bar chart with a stated range in it (or a range chart) is drawn as floating bars. */
    static boolean floats(Dataset d) {
        if (d.series().size() != 1 || d.logScale()) return false;
        if (d.chart() == ai.qbit.reports.model.ChartType.RANGE) return true;
        return (d.chart() == ai.qbit.reports.model.ChartType.BAR || d.chart() == ai.qbit.reports.model.ChartType.HBAR)
                && d.series().get(0).values().stream().flatMap(Optional::stream).anyMatch(Value::isRange);
    }

    static void textFits(Report r, XMLSlideShow show) {
        new ai.qbit.reports.chart.ThemeFonts(r.theme()).registerWithAwt();
        List<String> overflow = new ArrayList<>();
        for (XSLFSlide s : show.getSlides()) {
            for (XSLFTextShape t : s.getPlaceholders()) {
                // a body set in columns is measured column by column in deck.DeckSlidesTest (POI lays out one column)
                var bodyPr = t.getTextBody().getXmlObject().getBodyPr();
                if (bodyPr.isSetNumCol() && bodyPr.getNumCol() > 1) continue;
                double available = t.getAnchor().getHeight() - t.getTopInset() - t.getBottomInset();
                if (t.getTextHeight() > available + 1) overflow.add("slide " + s.getSlideNumber() + " " + t.getShapeName() + " (text " + Math.round(t.getTextHeight()) + " pt in " + Math.round(available) + " pt): " + t.getText());
            }
        }
        assertTrue(overflow.isEmpty(), String.join("\n", overflow));
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void themeFontsAreSetForLatinAndEastAsianText(String id) {
        String family = Rendered.of(id).report().theme().fontFamily();
        var fonts = show(id).getSlideMasters().get(0).getTheme().getXmlObject().getThemeElements().getFontScheme();
        assertEquals(family, fonts.getMinorFont().getLatin().getTypeface());
        assertEquals(family, fonts.getMinorFont().getEa().getTypeface());
        assertEquals(family, fonts.getMajorFont().getEa().getTypeface());
        var theme = Rendered.of(id).report().theme();
        for (var c : List.of(fonts.getMajorFont(), fonts.getMinorFont())) {
            // a presenter without the font: Latin text gets a sans by the class the theme states, Chinese the fallback
            var latin = c.getLatin();
            assertEquals(2, latin.getPanose()[0], "PANOSE family kind: Latin text");
            assertEquals(11, latin.getPanose()[1], "PANOSE serif style: normal sans serif (Noto Sans SC's own)");
            assertEquals(0x22, latin.getPitchFamily(), "pitch and family: variable-pitch Swiss (sans serif)");
            assertEquals(0, latin.getCharset());
            assertEquals(List.of(theme.fallbackFont()), c.getFontList().stream().filter(f -> "Hans".equals(f.getScript())).map(f -> f.getTypeface()).toList());
        }
    }

    @ParameterizedTest
    @MethodSource(IDS)
    void documentPropertiesComeFromTheModel(String id) {
        Report r = Rendered.of(id).report();
        var props = show(id).getProperties().getCoreProperties();
        assertEquals(r.title(), props.getTitle());
        assertEquals(r.author(), props.getCreator());
    }
}
