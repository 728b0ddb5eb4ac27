package ai.qbit.reports.render;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.Value;
import ai.qbit.reports.render.pdf.ReportPdfWriter;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.RenderedDecks;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGraphicalObjectFrame;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chart's alternative text says what the chart shows: its figure label and title, its unit, every category with its
 * value as the model states it (qualifier and range kept), and its source — in the report's chart (the
 * {@code data-alt} the PDF's Figure is tagged from) and, word for word, in the deck's native chart (its description).
 */
class ChartAltTest {

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void everyFigureOfTheReportStatesItsDataInItsAltText(String id) throws Exception {
        Report r = RenderedDecks.of(id).report();
        Labels l = new Labels(r);
        List<String> alts = reportAlts(r);
        int n = 0;
        for (Chapter c : r.allChapters()) {
            for (Block.FigureRef f : ReportPdfTest.figures(c.body())) {
                assertTrue(n < alts.size(), id + ": a chart with alternative text for figure " + f.datasetId());
                String alt = alts.get(n++);
                Dataset d = r.dataset(f.datasetId());
                String where = id + " " + c.id() + " " + d.id() + ": \"" + alt + "\"";
                assertTrue(alt.contains(l.msg("figure.label", l.figureNumber(c, f.number()))), where + " names its figure");
                assertTrue(alt.contains(f.caption().isEmpty() ? d.title() : f.caption()), where + " gives the title");
                statesTheData(alt, d, l, where);
            }
        }
        assertEquals(n, alts.size(), id + ": one alternative text per figure");
        assertTrue(n > 0, id + " has figures");
    }

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void deckChartsCarryTheSameTextAsTheirDescription(String id) throws Exception {
        RenderedDecks.Deck deck = RenderedDecks.of(id);
        Report r = deck.report();
        Labels l = new Labels(r);
        // the report's alternative texts by dataset, for the charts the report shows as figures
        Map<String, Set<String>> inReport = new HashMap<>();
        List<String> alts = reportAlts(r);
        int n = 0;
        for (Chapter c : r.allChapters())
            for (Block.FigureRef f : ReportPdfTest.figures(c.body())) inReport.computeIfAbsent(f.datasetId(), k -> new HashSet<>()).add(alts.get(n++));
        int charts = 0;
        try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(deck.pptx()))) {
            for (XSLFSlide s : show.getSlides()) {
                for (XSLFShape shape : s.getShapes()) {
                    if (!(shape instanceof XSLFGraphicFrame g) || !g.hasChart()) continue;
                    String descr = ((CTGraphicalObjectFrame) g.getXmlObject()).getNvGraphicFramePr().getCNvPr().getDescr();
                    String where = id + " slide " + s.getSlideNumber() + " \"" + s.getTitle() + "\": \"" + descr + "\"";
                    assertTrue(descr != null && !descr.isBlank(), where + " has a description");
                    Optional<Dataset> d = r.datasets().values().stream().filter(x -> x.title().equals(s.getTitle())).findFirst();
                    assertTrue(d.isPresent(), where + ": the slide is titled by its dataset");
                    statesTheData(descr, d.get(), l, where);
                    Set<String> same = inReport.get(d.get().id());
                    if (same != null) assertTrue(same.contains(descr), where + " says what the report's figure says: " + same);
                    charts++;
                }
            }
        }
        assertTrue(charts > 0, id + ": the deck has charts");
    }

    /** Unit, every category with every series' value as stated (a missing one said so), and the source. */
    private static void statesTheData(String alt, Dataset d, Labels l, String where) {
        if (!d.unit().isEmpty()) assertTrue(alt.contains(d.unit()), where + " gives the unit " + d.unit());
        int from = 0;
        for (Dataset.Series s : d.series()) {
            if (d.series().size() > 1) assertTrue(alt.contains(s.name()), where + " names series " + s.name());
            for (int i = 0; i < d.categories().size(); i++) {
                Optional<Value> v = s.values().get(i);
                String cat = d.categories().get(i);
                int at = alt.indexOf(cat, from);
                assertTrue(at >= 0, where + " names category " + cat + " (in order)");
                String stated = v.map(Value::raw).orElse(l.msg("chart.alt.missing"));
                v.ifPresent(x -> assertTrue(x.raw().contains(x.qualifier()), "the model keeps the qualifier in " + x.raw()));
                int val = alt.indexOf(stated, at + cat.length());
                assertTrue(val >= 0, where + " gives " + cat + " as stated: " + stated);
                from = val + stated.length();
            }
        }
        assertTrue(alt.contains(d.source()), where + " gives the source " + d.source());
    }

    /** The data-alt of every chart in report.pdf's XHTML, in document order. */
    private static List<String> reportAlts(Report r) throws Exception {
        String xhtml = new ReportPdfWriter(Templates.forReport(Rendered.ROOT, r)).xhtml(r, new ChartFactory(r.theme(), r.lang()));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList objects = f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml))).getElementsByTagName("object");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            if (!"application/x-chart".equals(o.getAttribute("type"))) continue;
            assertFalse(o.getAttribute("data-alt").isBlank(), "chart " + o.getAttribute("data") + " has data-alt");
            out.add(o.getAttribute("data-alt"));
        }
        return out;
    }
}
