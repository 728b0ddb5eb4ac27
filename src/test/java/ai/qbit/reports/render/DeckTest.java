package ai.qbit.reports.render;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Value;
import ai.qbit.reports.support.Rendered2024;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reopens deck.pptx with POI: what a presenter gets in PowerPoint. */
class DeckTest {
    static XMLSlideShow show;
    static Report report;

    @BeforeAll
    static void open() throws IOException {
        report = Rendered2024.report();
        try (InputStream in = Files.newInputStream(Rendered2024.file("deck.pptx"))) {
            show = new XMLSlideShow(in);
        }
    }

    @AfterAll
    static void close() throws IOException {
        show.close();
    }

    static String title(XSLFSlide s) {
        for (XSLFTextShape t : s.getPlaceholders()) {
            var ph = t.getPlaceholderDetails().getPlaceholder();
            if (ph == org.apache.poi.sl.usermodel.Placeholder.TITLE || ph == org.apache.poi.sl.usermodel.Placeholder.CENTERED_TITLE) return t.getText();
        }
        return "";
    }

    static List<Chapter> trends() {
        return report.body().stream().filter(c -> c.kind() == ai.qbit.reports.model.ChapterKind.TREND).toList();
    }

    @Test
    void sixteenByNineWithTheExpectedSequence() {
        assertEquals(960, show.getPageSize().width);
        assertEquals(540, show.getPageSize().height);
        List<XSLFSlide> slides = show.getSlides();
        assertTrue(slides.size() >= 45 && slides.size() <= 70, "slides: " + slides.size());
        assertEquals(report.title(), title(slides.get(0)));
        assertEquals("目录", title(slides.get(1)));
        assertTrue(title(slides.get(2)).startsWith("PART 1"));
        assertTrue(title(slides.get(3)).startsWith("趋势一"));
        // every trend appears in order, each followed by its key points
        int at = 0;
        Labels labels = new Labels(report);
        for (Chapter c : trends()) {
            String label = labels.chapter(c);
            int found = -1;
            for (int i = at; i < slides.size(); i++) if (title(slides.get(i)).startsWith(label)) { found = i; break; }
            assertTrue(found >= 0, label + " title slide");
            assertEquals(c.title() + "：核心观点", title(slides.get(found + 1)));
            at = found + 1;
        }
        assertTrue(title(slides.get(slides.size() - 1)).startsWith("谢谢"));
    }

    @Test
    void everyShapeIsAPlaceholderOrAChartNeverAPicture() {
        for (XSLFSlide s : show.getSlides()) {
            for (XSLFShape sh : s.getShapes()) {
                assertFalse(sh instanceof XSLFPictureShape, "picture on slide " + s.getSlideNumber());
                boolean placeholder = sh instanceof XSLFTextShape t && t.getPlaceholderDetails().getPlaceholder() != null;
                boolean chart = sh instanceof XSLFGraphicFrame g && g.hasChart();
                assertTrue(placeholder || chart, "slide " + s.getSlideNumber() + ": " + sh.getShapeName() + " is neither placeholder nor chart");
            }
        }
    }

    @Test
    void chartsAreNativeWithEmbeddedWorkbooksHoldingTheDatasetValues() throws Exception {
        List<XSLFChart> charts = show.getCharts();
        int trendsWithFigures = (int) trends().stream().filter(c -> !c.figureIds().isEmpty()).count();
        assertTrue(charts.size() >= trendsWithFigures, "charts: " + charts.size());
        int checked = 0;
        for (XSLFSlide s : show.getSlides()) {
            for (XSLFShape sh : s.getShapes()) {
                if (!(sh instanceof XSLFGraphicFrame g) || !g.hasChart()) continue;
                XSLFChart chart = g.getChart();
                Dataset d = datasetByTitle(title(s));
                Sheet sheet = chart.getWorkbook().getSheetAt(0);
                if (floats(d)) {
                    // a range floats: the first column is its low end (an invisible bar), the second its width
                    for (int c = 0; c < d.categories().size(); c++) {
                        Optional<Value> v = d.series().get(0).values().get(c);
                        if (v.isEmpty()) continue;
                        double low = sheet.getRow(c + 1).getCell(1).getNumericCellValue(), width = sheet.getRow(c + 1).getCell(2).getNumericCellValue();
                        assertEquals(v.get().isRange() ? v.get().low() : 0, low, 1e-9, d.id() + " " + d.categories().get(c));
                        assertEquals(v.get().high(), low + width, 1e-9, d.id() + " " + d.categories().get(c));
                    }
                    checked++;
                    continue;
                }
                for (int si = 0; si < d.series().size(); si++) {
                    assertEquals(d.series().get(si).name(), sheet.getRow(0).getCell(si + 1).getStringCellValue());
                    for (int c = 0; c < d.categories().size(); c++) {
                        Optional<Value> v = d.series().get(si).values().get(c);
                        var cell = sheet.getRow(c + 1).getCell(si + 1);
                        if (v.isPresent()) assertEquals(v.get().mid(), cell.getNumericCellValue(), 1e-9, d.id() + " " + d.categories().get(c));
                    }
                }
                assertTrue(sheet.getRow(1).getCell(0).getStringCellValue().startsWith(d.categories().get(0)));
                checked++;
            }
        }
        assertEquals(charts.size(), checked);
    }

    /** A one-series bar chart with a stated range in it (or a range chart) is drawn as floating bars. */
    private static boolean floats(Dataset d) {
        if (d.series().size() != 1 || d.logScale()) return false;
        if (d.chart() == ai.qbit.reports.model.ChartType.RANGE) return true;
        return (d.chart() == ai.qbit.reports.model.ChartType.BAR || d.chart() == ai.qbit.reports.model.ChartType.HBAR)
                && d.series().get(0).values().stream().flatMap(Optional::stream).anyMatch(Value::isRange);
    }

    private static Dataset datasetByTitle(String title) {
        return report.datasets().values().stream().filter(d -> d.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no dataset titled " + title));
    }

    @Test
    void everyContentSlideHasSpeakerNotesWithSources() {
        int withNumbers = 0;
        for (XSLFSlide s : show.getSlides()) {
            XSLFNotes notes = s.getNotes();
            assertNotNull(notes, "notes on slide " + s.getSlideNumber());
            StringBuilder text = new StringBuilder();
            for (XSLFTextShape t : notes.getPlaceholders()) text.append(t.getText());
            assertTrue(text.length() > 10, "notes on slide " + s.getSlideNumber() + ": " + text);
            if (text.toString().contains("出处：002_60ebbbbbae8729be.txt:")) withNumbers++;
        }
        assertTrue(withNumbers >= trends().size(), "chart and key-figure notes cite their seed lines");
    }

    @Test
    void textFitsItsBoxWithTheBundledFont() {
        new ai.qbit.reports.chart.ThemeFonts(report.theme()).registerWithAwt();
        List<String> overflow = new ArrayList<>();
        for (XSLFSlide s : show.getSlides()) {
            for (XSLFTextShape t : s.getPlaceholders()) {
                // a body set in columns is measured column by column in deck.DeckSlidesTest (POI lays out one column)
                if (t.getTextBody().getXmlObject().getBodyPr().isSetNumCol() && t.getTextBody().getXmlObject().getBodyPr().getNumCol() > 1) continue;
                double available = t.getAnchor().getHeight() - t.getTopInset() - t.getBottomInset();
                if (t.getTextHeight() > available + 1) overflow.add("slide " + s.getSlideNumber() + " " + t.getShapeName() + " (text " + Math.round(t.getTextHeight()) + " pt in " + Math.round(available) + " pt): " + t.getText());
            }
        }
        assertTrue(overflow.isEmpty(), String.join("\n", overflow));
    }

    @Test
    void themeFontsAreSetForLatinAndEastAsianText() {
        var fonts = show.getSlideMasters().get(0).getTheme().getXmlObject().getThemeElements().getFontScheme();
        assertEquals("Noto Sans SC", fonts.getMinorFont().getLatin().getTypeface());
        assertEquals("Noto Sans SC", fonts.getMinorFont().getEa().getTypeface());
        assertEquals("Noto Sans SC", fonts.getMajorFont().getEa().getTypeface());
        assertTrue(fonts.getMinorFont().getFontList().stream().anyMatch(f -> "Hans".equals(f.getScript())), "fallback for Simplified Chinese");
    }
}
