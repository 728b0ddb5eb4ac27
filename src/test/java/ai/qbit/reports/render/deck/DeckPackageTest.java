package ai.qbit.reports.render.deck;

import ai.qbit.reports.support.RenderedDecks;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.openxmlformats.schemas.presentationml.x2006.main.STPlaceholderType;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the package says about itself, the notes pages, and the language its text is tagged with. */
class DeckPackageTest {
    static final List<String> REPORTS = RenderedDecks.REPORTS;

    static XMLSlideShow open(String report) throws Exception {
        return new XMLSlideShow(new ByteArrayInputStream(RenderedDecks.of(report).pptx()));
    }

    @ParameterizedTest
    @FieldSource("REPORTS")
    void appXmlCountsTheSlidesAndNotesAndNamesTheFormat(String report) throws Exception {
        try (XMLSlideShow show = open(report)) {
            var app = show.getProperties().getExtendedProperties().getUnderlyingProperties();
            int notes = (int) show.getSlides().stream().filter(s -> s.getNotes() != null).count();
            assertEquals(show.getSlides().size(), app.getSlides());
            assertEquals(notes, app.getNotes());
            assertEquals(show.getSlides().size(), notes, "every slide has notes");
            assertEquals("On-screen Show (16:9)", app.getPresentationFormat());
            var titles = app.getTitlesOfParts().getVector().getLpstrArray();
            assertEquals(show.getSlides().size() + 1, titles.length, "the theme and every slide title");
            assertEquals(RenderedDecks.of(report).report().theme().name(), titles[0], "the theme's name, not Office Theme");
            assertEquals(RenderedDecks.of(report).report().title(), titles[1]);
        }
    }

    @ParameterizedTest
    @FieldSource("REPORTS")
    void theThumbnailIsTheCoverSlide(String report) throws Exception {
        try (XMLSlideShow show = open(report)) {
            BufferedImage img = ImageIO.read(show.getProperties().getThumbnailImage());
            assertNotNull(img, "docProps/thumbnail.jpeg reads as an image");
            assertEquals(16.0 / 9, (double) img.getWidth() / img.getHeight(), 0.02, "16:9");
            // the cover is the primary colour with light title text on it
            Color primary = Color.decode(RenderedDecks.of(report).report().theme().primary());
            int near = 0, light = 0, all = img.getWidth() * img.getHeight();
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    Color c = new Color(img.getRGB(x, y));
                    if (Math.abs(c.getRed() - primary.getRed()) + Math.abs(c.getGreen() - primary.getGreen()) + Math.abs(c.getBlue() - primary.getBlue()) < 40) near++;
                    if (c.getRed() + c.getGreen() + c.getBlue() > 600) light++;
                }
            }
            assertTrue(near > all * 0.6, "cover background: " + near + " of " + all);
            assertTrue(light > all * 0.005, "the title's light text: " + light);
        }
    }

    @ParameterizedTest
    @FieldSource("REPORTS")
    void notesPagesHaveTheImageTheNotesAndANumberFieldInsideAPortraitPage(String report) throws Exception {
        try (XMLSlideShow show = open(report)) {
            var size = show.getCTPresentation().getNotesSz();
            assertTrue(size.getCy() > size.getCx(), "portrait notes page");
            var master = show.getNotesMaster().getXmlObject().getCSld().getSpTree();
            for (var sp : master.getSpList()) {
                var ph = sp.getNvSpPr().getNvPr().getPh();
                assertFalse(ph.getType() == STPlaceholderType.DT || ph.getType() == STPlaceholderType.HDR, "no frozen date or header");
                var xfrm = sp.getSpPr().getXfrm();
                long x = ((Number) xfrm.getOff().getX()).longValue(), y = ((Number) xfrm.getOff().getY()).longValue();
                assertTrue(x >= 0 && x + xfrm.getExt().getCx() <= size.getCx(), "inside the page: " + ph.getType());
                assertTrue(y >= 0 && y + xfrm.getExt().getCy() <= size.getCy(), "inside the page: " + ph.getType());
                if (ph.getType() == STPlaceholderType.SLD_IMG) {
                    assertEquals(16.0 / 9, (double) xfrm.getExt().getCx() / xfrm.getExt().getCy(), 0.01, "16:9 slide image");
                }
            }
            for (XSLFSlide s : show.getSlides()) {
                XSLFNotes notes = s.getNotes();
                var fields = new ArrayList<String>();
                for (var sp : notes.getXmlObject().getCSld().getSpTree().getSpList()) {
                    if (!sp.isSetTxBody()) continue;
                    for (var p : sp.getTxBody().getPList()) {
                        for (var f : p.getFldList()) fields.add(f.getType() + "=" + f.getT());
                    }
                }
                assertEquals(List.of("slidenum=" + s.getSlideNumber()), fields, "slide " + s.getSlideNumber());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("REPORTS")
    void everyRunIsTaggedWithTheReportsLanguage(String report) throws Exception {
        var r = RenderedDecks.of(report).report();
        String lang = r.language().equals("en") ? "en-US" : r.language();
        String alt = r.language().equals("en") ? null : "en-US";
        try (XMLSlideShow show = open(report)) {
            List<String> wrong = new ArrayList<>();
            for (XSLFSlide s : show.getSlides()) {
                List<XSLFTextShape> shapes = new ArrayList<>(List.of(s.getPlaceholders()));
                shapes.addAll(List.of(s.getNotes().getPlaceholders()));
                for (XSLFTextShape t : shapes) {
                    if (t.getTextBody() == null) continue; // the notes page's slide image
                    for (var p : t.getTextBody().getXmlObject().getPList()) {
                        for (var run : p.getRList()) {
                            var pr = run.getRPr();
                            if (pr == null || !lang.equals(pr.getLang()) || (alt != null && !alt.equals(pr.getAltLang())))
                                wrong.add("slide " + s.getSlideNumber() + ": " + (pr == null ? "none" : pr.getLang() + "/" + pr.getAltLang()) + " " + run.getT());
                        }
                    }
                }
            }
            assertTrue(wrong.isEmpty(), wrong.size() + " runs:\n" + String.join("\n", wrong.stream().limit(10).toList()));
        }
    }
}
