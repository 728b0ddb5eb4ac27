package ai.qbit.reports.render;

import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.deck.DeckTemplate;
import ai.qbit.reports.render.deck.DeckWriter;
import ai.qbit.reports.support.Rendered;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.presentationml.x2006.main.STSlideLayoutType;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -Ddeck.template: the deck is built on the presenter's own master and layouts, like Pandoc's --reference-doc. */
class DeckTemplateTest {
    @TempDir
    Path tmp;

    /** A corporate template: 4:3, its own colours, a master named so we can recognise it, one sample slide. */
    private Path corporate(boolean withSectionHeader) throws Exception {
        try (XMLSlideShow t = new XMLSlideShow()) {
            var master = t.getSlideMasters().get(0);
            master.getXmlObject().getCSld().setName("Corporate Master");
            var accent = master.getTheme().getXmlObject().getThemeElements().getClrScheme().getAccent1();
            if (accent.isSetSysClr()) accent.unsetSysClr();
            (accent.isSetSrgbClr() ? accent.getSrgbClr() : accent.addNewSrgbClr()).setVal(new byte[]{(byte) 0xC0, 0x10, 0x20});
            t.createSlide(master.getLayout(SlideLayout.TITLE)); // a template's own sample slide must not survive
            if (!withSectionHeader) {
                XSLFSlideLayout section = master.getLayout(SlideLayout.SECTION_HEADER);
                section.getXmlObject().setType(STSlideLayoutType.CUST);
            }
            Path file = tmp.resolve(withSectionHeader ? "corporate.pptx" : "broken.pptx");
            try (OutputStream out = Files.newOutputStream(file)) {
                t.write(out);
            }
            return file;
        }
    }

    @ParameterizedTest
    @MethodSource(ReportPdfTest.IDS)
    void deckIsBuiltOnTheTemplatesMasterAndLayouts(String id) throws Exception {
        Report report = Rendered.of(id).report();
        DeckWriter.Rendered r = new DeckWriter().write(report, DeckTemplate.of(corporate(true)));
        try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(r.pptx()))) {
            assertEquals(720, deck.getPageSize().width, "the template's 4:3 page size is kept");
            assertEquals(1, deck.getSlideMasters().size());
            assertEquals("Corporate Master", deck.getSlideMasters().get(0).getXmlObject().getCSld().getName());
            byte[] accent = deck.getSlideMasters().get(0).getTheme().getXmlObject().getThemeElements().getClrScheme().getAccent1().getSrgbClr().getVal();
            assertEquals((byte) 0xC0, accent[0], "the template's colours, not the built-in theme's");
            assertEquals(report.title(), DeckTest.title(deck.getSlides().get(0)), "template's sample slides are removed");
            for (XSLFSlide s : deck.getSlides()) {
                assertEquals("Corporate Master", s.getSlideMaster().getXmlObject().getCSld().getName());
            }
            assertTrue(deck.getSlides().stream().anyMatch(s -> s.getSlideLayout().getType() == SlideLayout.SECTION_HEADER));
            // without layouts named for the kinds, every content slide is on the template's TITLE_AND_CONTENT layout
            for (XSLFSlide s : deck.getSlides()) {
                SlideLayout type = s.getSlideLayout().getType();
                assertTrue(type == SlideLayout.TITLE || type == SlideLayout.SECTION_HEADER || type == SlideLayout.TITLE_AND_CONTENT,
                        "slide " + s.getSlideNumber() + " on " + type);
            }
            assertEquals(DeckTest.featured(report).size(), deck.getCharts().size(), "native charts on the template too");
            DeckTest.slideSequence(report, deck);
            DeckTest.placeholdersOnly(deck);
        }
    }

    /** A template's layout named for a kind ("quote", any case) is used for that kind, its bodies in their order. */
    @ParameterizedTest
    @MethodSource(ReportPdfTest.IDS)
    void aLayoutNamedForAKindIsUsedForIt(String id) throws Exception {
        Report report = Rendered.of(id).report();
        Path file = tmp.resolve("named.pptx");
        try (XMLSlideShow t = new XMLSlideShow()) {
            t.getSlideMasters().get(0).getLayout(SlideLayout.TWO_OBJ).getXmlObject().getCSld().setName("quote");
            try (OutputStream out = Files.newOutputStream(file)) {
                t.write(out);
            }
        }
        DeckWriter.Rendered r = new DeckWriter().write(report, DeckTemplate.of(file));
        try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(r.pptx()))) {
            String prefix = report.lang().msg("deck.quote", "");
            var quotes = deck.getSlides().stream().filter(s -> DeckTest.title(s).endsWith(prefix.strip()) || s.getSlideLayout().getName().equals("quote")).toList();
            long withQuote = report.deckChapters().stream().filter(c -> c.quote().isPresent()).count();
            assertEquals(withQuote, deck.getSlides().stream().filter(s -> s.getSlideLayout().getName().equals("quote")).count(), "a quote slide per quote, on the layout named quote");
            for (XSLFSlide s : quotes) {
                if (!s.getSlideLayout().getName().equals("quote")) continue;
                List<String> body = DeckTest.body(s);
                assertEquals(2, body.size(), "the quote and its attribution, one placeholder each: " + body);
            }
            DeckTest.slideSequence(report, deck);
            DeckTest.placeholdersOnly(deck);
        }
    }

    @Test
    void aTemplateWithoutARequiredLayoutIsAClearError() throws Exception {
        Path broken = corporate(false);
        DeckTemplate.TemplateException e = assertThrows(DeckTemplate.TemplateException.class, () -> DeckTemplate.of(broken));
        assertTrue(e.getMessage().contains("broken.pptx lacks slide layouts of type SECTION_HEADER"), e.getMessage());
        assertTrue(e.getMessage().contains("it has: "), e.getMessage());
    }

    @Test
    void aFileThatIsNotPowerPointIsAClearError() throws Exception {
        Path notPptx = Files.writeString(tmp.resolve("notes.pptx"), "hello");
        DeckTemplate.TemplateException e = assertThrows(DeckTemplate.TemplateException.class, () -> DeckTemplate.of(notPptx));
        assertTrue(e.getMessage().contains("is not a PowerPoint (.pptx) file"), e.getMessage());
    }
}
