package ai.qbit.reports.render.pdf;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.fonts.FontCache;
import ai.qbit.reports.model.Report;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PagePosition;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * XHTML → PDF with Flying Saucer on OpenPDF: the theme's fonts embedded as subsets, charts as vectors, real content
 * in marked-content sequences recorded for the structure tree ({@link TaggingOutputDevice}).
 * Also reports where each element with an id landed, which the outline, the page labels and the
 * briefs' page references are built from.
 */
public final class HtmlToPdf {

    /** The laid-out PDF and, for every id, the page (0-based) and height on the page where it starts. */
    public record Result(byte[] pdf, int pages, Map<String, Position> positions, MarkedContent tags) {
    }

    /**
     * Where an element is: page index (0-based) and its top, in PDF points from the page bottom. Flying Saucer
     * reports the page where a box ends, so anchors go on small elements (headings), never on whole chapters.
     */
    public record Position(int page, float top, float bottom) {
    }

    private final Report report;
    private final ChartFactory charts;
    private final ThemeFontMapper fontMapper;

    public HtmlToPdf(Report report, ChartFactory charts) {
        this.report = report;
        this.charts = charts;
        this.fontMapper = new ThemeFontMapper(report.theme(), charts.fonts());
    }

    public Result render(String xhtml, Pattern idsOfInterest) throws Exception {
        Document dom = parse(xhtml);
        MarkedContent tags = new MarkedContent(dom);
        ITextRenderer renderer = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL,
                new TaggingOutputDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT, tags, new StructureTypes(),
                        List.of(FontCache.awt(report.theme().regularFont()), FontCache.awt(report.theme().boldFont()))));
        // the same fonts the charts embed, from memory (what addFont(path, IDENTITY_H, EMBEDDED) does, minus the file reads)
        for (java.nio.file.Path font : List.of(report.theme().regularFont(), report.theme().boldFont())) {
            renderer.getFontResolver().addFont(FontCache.pdf(font), font.toString(), null);
        }
        renderer.getSharedContext().setReplacedElementFactory(
                new ChartElementFactory(renderer.getOutputDevice(), report, charts, fontMapper));
        renderer.setDocument(dom, "file:///report/");
        renderer.layout();
        // positions are known to the output device only once the pages are written, before the file is closed
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        renderer.createPDF(out, false);
        Map<String, Position> positions = new LinkedHashMap<>();
        for (PagePosition p : renderer.findPagePositionsByID(idsOfInterest)) {
            // PagePosition counts pages from 1
            positions.putIfAbsent(p.getId(), new Position(p.getPageNo(), p.getY() + p.getHeight(), p.getY()));
            if (Boolean.getBoolean("debug.positions")) System.err.println("POS " + p.getId() + " page=" + p.getPageNo() + " y=" + p.getY() + " h=" + p.getHeight());
        }
        int pages = renderer.getRootBox().getLayer().getPages().size();
        renderer.finishPDF();
        return new Result(out.toByteArray(), pages, positions, tags);
    }

    /** A hardened XML parse: the XHTML is ours, but the text in it is the analyst's; no DTDs, no entities. */
    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        // the parser's default handler prints "[Fatal Error] …" to stderr besides the exception we report in one line
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return b.parse(new InputSource(new StringReader(xhtml)));
    }
}
