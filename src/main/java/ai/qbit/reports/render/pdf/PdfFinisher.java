package ai.qbit.reports.render.pdf;

import ai.qbit.reports.model.Report;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDPageLabelRange;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * PDFBox post-processing of a laid-out PDF: outline (bookmarks, opened by default), document information
 * and language, roman page labels for the front matter and arabic from the body, and a document id and
 * dates taken from the model so that two runs produce the same bytes.
 */
public final class PdfFinisher {

    /** What to add: the outline, and the page index where arabic numbering starts at 1 (-1: none). */
    public record Finish(String title, String subject, List<OutlineEntry> outline, int bodyStartPage,
                         boolean romanFront) {
        public Finish {
            outline = List.copyOf(outline);
        }
    }

    public byte[] finish(byte[] pdf, Report report, Finish f, Map<String, HtmlToPdf.Position> positions) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(f.title());
            info.setAuthor(report.author());
            info.setSubject(f.subject());
            info.setKeywords(String.join(", ", report.keywords()));
            info.setCreator(report.publisher());
            info.setProducer("annual-report toolkit (Flying Saucer, OpenPDF, PDFBox)");
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            date.clear();
            date.set(report.date().getYear(), report.date().getMonthValue() - 1, report.date().getDayOfMonth());
            info.setCreationDate(date);
            info.setModificationDate(date);
            doc.setDocumentInformation(info);

            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            catalog.setLanguage(report.language());
            PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
            prefs.setDisplayDocTitle(true);
            catalog.setViewerPreferences(prefs);
            catalog.setMetadata(null); // OpenPDF's XMP would carry the render time

            if (!f.outline().isEmpty()) {
                PDDocumentOutline outline = new PDDocumentOutline();
                catalog.setDocumentOutline(outline);
                addItems(doc, outline, f.outline(), positions);
                outline.openNode();
                catalog.setPageMode(PageMode.USE_OUTLINES);
            }
            if (f.bodyStartPage() > 0) {
                PDPageLabels labels = new PDPageLabels(doc);
                PDPageLabelRange cover = new PDPageLabelRange(); // the cover is not counted: the front matter starts at i
                cover.setPrefix("封面");
                labels.setLabelItem(0, cover);
                PDPageLabelRange front = new PDPageLabelRange();
                front.setStyle(f.romanFront() ? PDPageLabelRange.STYLE_ROMAN_LOWER : PDPageLabelRange.STYLE_DECIMAL);
                labels.setLabelItem(1, front);
                PDPageLabelRange body = new PDPageLabelRange();
                body.setStyle(PDPageLabelRange.STYLE_DECIMAL);
                body.setStart(1);
                labels.setLabelItem(f.bodyStartPage(), body);
                catalog.setPageLabels(labels);
            }
            // the same model gives the same id: a stable hash of what the document is
            doc.setDocumentId((long) (report.id() + "|" + f.title() + "|" + report.date()).hashCode());
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void addItems(PDDocument doc, PDOutlineNode parent, List<OutlineEntry> entries,
                                 Map<String, HtmlToPdf.Position> positions) {
        for (OutlineEntry e : entries) {
            HtmlToPdf.Position pos = positions.get(e.anchor());
            if (pos == null) continue; // an anchor that was not laid out has no page to point to
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(e.title());
            PDPageXYZDestination dest = new PDPageXYZDestination();
            PDPage page = doc.getPage(Math.min(pos.page(), doc.getNumberOfPages() - 1));
            dest.setPage(page);
            dest.setTop(Math.round(pos.top()));
            dest.setLeft(0);
            item.setDestination(dest);
            parent.addLast(item);
            addItems(doc, item, e.children(), positions);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
