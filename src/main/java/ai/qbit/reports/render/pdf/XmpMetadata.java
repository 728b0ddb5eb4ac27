package ai.qbit.reports.render.pdf;

import ai.qbit.reports.model.Report;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.schema.XMPSchema;
import org.apache.xmpbox.xml.XmpSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The XMP metadata stream: the document information again (title, author, subject, keywords, dates from the
 * model so two runs give the same bytes) and the PDF/UA identification (pdfuaid:part 1).
 */
final class XmpMetadata {
    private static final String PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/";

    private XmpMetadata() {
    }

    static PDMetadata of(PDDocument doc, PDDocumentInformation info, Report report) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(info.getTitle());
        if (info.getAuthor() != null && !info.getAuthor().isBlank()) dc.addCreator(info.getAuthor());
        if (info.getSubject() != null && !info.getSubject().isBlank()) dc.setDescription(info.getSubject());
        dc.addLanguage(report.language());
        dc.setFormat("application/pdf");
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(info.getProducer());
        if (info.getKeywords() != null && !info.getKeywords().isBlank()) pdf.setKeywords(info.getKeywords());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(info.getCreator());
        basic.setCreateDate(info.getCreationDate());
        basic.setModifyDate(info.getModificationDate());
        basic.setMetadataDate(info.getModificationDate());
        XMPSchema ua = new XMPSchema(xmp, PDFUA_NS, "pdfuaid");
        ua.addProperty(xmp.getTypeMapping().createInteger(PDFUA_NS, "pdfuaid", "part", 1));
        xmp.addSchema(ua);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("writing the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(out.toByteArray());
        return metadata;
    }
}
