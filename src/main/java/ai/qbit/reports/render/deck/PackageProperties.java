package ai.qbit.reports.render.deck;

import ai.qbit.reports.model.Report;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.openxmlformats.schemas.officeDocument.x2006.docPropsVTypes.CTVector;
import org.openxmlformats.schemas.officeDocument.x2006.docPropsVTypes.STVectorBaseType;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.List;

/**
 * What the package says about itself: core properties from the report, app.xml with the real slide and notes counts,
 * page format, theme and slide titles (PowerPoint's "Properties" and file browsers read these), and a thumbnail of the
 * cover slide (POI's own template ships a blank 4:3 one).
 */
final class PackageProperties {
    private static final int THUMBNAIL_WIDTH = 256;

    private PackageProperties() {
    }

    static void write(XMLSlideShow show, Report report, List<String> titles) throws IOException {
        var core = show.getProperties().getCoreProperties();
        Date date = Date.from(report.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        core.setTitle(report.title());
        core.setCreator(report.author());
        core.setSubjectProperty(report.subtitle());
        core.setKeywords(String.join(", ", report.keywords()));
        core.setCreated(java.util.Optional.of(date));
        core.setModified(java.util.Optional.of(date));
        core.setLastModifiedByUser(report.publisher());

        var app = show.getProperties().getExtendedProperties().getUnderlyingProperties();
        int slides = show.getSlides().size();
        int notes = (int) show.getSlides().stream().filter(s -> s.getNotes() != null).count();
        app.setSlides(slides);
        app.setNotes(notes);
        app.setHiddenSlides(0);
        app.setPresentationFormat(format(show.getPageSize()));
        if (app.isSetWords()) app.unsetWords();          // POI's template says 0; better nothing than a wrong count
        if (app.isSetParagraphs()) app.unsetParagraphs();
        if (app.isSetCompany()) app.unsetCompany();
        String theme = show.getSlideMasters().get(0).getTheme().getName();
        var pairs = (app.isSetHeadingPairs() ? app.getHeadingPairs() : app.addNewHeadingPairs());
        CTVector hp = CTVector.Factory.newInstance();
        hp.setBaseType(STVectorBaseType.VARIANT);
        hp.addNewVariant().setLpstr("Theme");
        hp.addNewVariant().setI4(1);
        hp.addNewVariant().setLpstr("Slide Titles");
        hp.addNewVariant().setI4(titles.size());
        hp.setSize(4);
        pairs.setVector(hp);
        var parts = (app.isSetTitlesOfParts() ? app.getTitlesOfParts() : app.addNewTitlesOfParts());
        CTVector tp = CTVector.Factory.newInstance();
        tp.setBaseType(STVectorBaseType.LPSTR);
        tp.addLpstr(theme == null || theme.isEmpty() ? report.theme().name() : theme);
        for (String t : titles) tp.addLpstr(t);
        tp.setSize(titles.size() + 1);
        parts.setVector(tp);

        byte[] jpeg = thumbnail(show.getSlides().get(0), show.getPageSize());
        var props = show.getProperties();
        if (props.getThumbnailFilename() == null) props.setThumbnail("thumbnail.jpeg", new ByteArrayInputStream(jpeg));
        // POI's setThumbnail leaves an existing part's stream unclosed (and the part empty): write it ourselves
        for (var part : show.getPackage().getPartsByRelationshipType(
                org.apache.poi.openxml4j.opc.PackageRelationshipTypes.THUMBNAIL)) {
            try (var out = part.getOutputStream()) {
                out.write(jpeg);
            }
        }
    }

    /** PowerPoint's names for the page formats; a page it has no name for is "Custom". */
    static String format(java.awt.Dimension page) {
        if (page.width * 9 == page.height * 16) return "On-screen Show (16:9)";
        if (page.width * 3 == page.height * 4) return "On-screen Show (4:3)";
        if (page.width * 10 == page.height * 16) return "On-screen Show (16:10)";
        return "Custom";
    }

    /** The cover slide drawn by POI's renderer (Java2D) into a small JPEG. */
    static byte[] thumbnail(XSLFSlide cover, java.awt.Dimension page) throws IOException {
        double scale = (double) THUMBNAIL_WIDTH / page.width;
        int h = (int) Math.round(page.height * scale);
        BufferedImage img = new BufferedImage(THUMBNAIL_WIDTH, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setPaint(java.awt.Color.WHITE);
        g.fillRect(0, 0, THUMBNAIL_WIDTH, h);
        g.scale(scale, scale);
        cover.draw(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        try (var ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
