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

    /**
     * @param tags what the output device marked while painting; the structure tree is built from it. Null for a
     *             PDF that is already tagged (the merged briefs).
     */
    public byte[] finish(byte[] pdf, Report report, Finish f, Map<String, HtmlToPdf.Position> positions, MarkedContent tags) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (tags != null) {
                new StructureTree(doc, tags, new StructureTypes()).build();
                new ArtifactMarker().mark(doc);
            }
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
            catalog.setMetadata(XmpMetadata.of(doc, info, report)); // OpenPDF's XMP would carry the render time
            FontDescriptors.dropCidSets(doc);

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
                cover.setPrefix(report.lang().msg("outline.cover"));
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
            stableSubsetNames(doc);
            // OpenPDF's /ID is random; the file identifier becomes a digest of what the pages show
            org.apache.pdfbox.cos.COSArray id = new org.apache.pdfbox.cos.COSArray();
            byte[] digest = contentDigest(doc, f.title());
            id.add(new org.apache.pdfbox.cos.COSString(digest));
            id.add(new org.apache.pdfbox.cos.COSString(digest));
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, id);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] contentDigest(PDDocument doc, String title) throws IOException {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(title.getBytes(StandardCharsets.UTF_8));
            for (PDPage page : doc.getPages()) {
                try (var in = page.getContents()) {
                    if (in != null) md.update(in.readAllBytes());
                }
            }
            return java.util.Arrays.copyOf(md.digest(), 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * OpenPDF names font subsets with a random six-letter tag (ABCDEF+NotoSansSC-Regular). The tag only has to
     * be unique within the file, so it is derived from the order the fonts are met in: same input, same bytes.
     */
    private static void stableSubsetNames(PDDocument doc) throws IOException {
        java.util.Map<String, String> renamed = new java.util.LinkedHashMap<>();
        java.util.Set<org.apache.pdfbox.cos.COSDictionary> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (PDPage page : doc.getPages()) renameFonts(page.getResources(), renamed, seen, 0);
    }

    private static void renameFonts(org.apache.pdfbox.pdmodel.PDResources res, java.util.Map<String, String> renamed,
                                    java.util.Set<org.apache.pdfbox.cos.COSDictionary> seen, int depth) throws IOException {
        if (res == null || depth > 6) return;
        for (org.apache.pdfbox.cos.COSName n : res.getFontNames()) {
            org.apache.pdfbox.cos.COSDictionary font = res.getCOSObject().getCOSDictionary(org.apache.pdfbox.cos.COSName.FONT).getCOSDictionary(n);
            if (font != null && seen.add(font)) renameFont(font, renamed);
        }
        for (org.apache.pdfbox.cos.COSName n : res.getXObjectNames()) {
            if (res.getXObject(n) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) renameFonts(form.getResources(), renamed, seen, depth + 1);
        }
    }

    private static void renameFont(org.apache.pdfbox.cos.COSDictionary font, java.util.Map<String, String> renamed) {
        org.apache.pdfbox.cos.COSName key = org.apache.pdfbox.cos.COSName.BASE_FONT;
        String name = font.getNameAsString(key);
        if (name != null && name.matches("[A-Z]{6}\\+.+")) {
            String stable = renamed.computeIfAbsent(name, k -> tag(renamed.size()) + k.substring(6));
            font.setName(key, stable);
        }
        org.apache.pdfbox.cos.COSArray descendants = font.getCOSArray(org.apache.pdfbox.cos.COSName.DESCENDANT_FONTS);
        if (descendants != null) {
            for (int i = 0; i < descendants.size(); i++) {
                if (descendants.getObject(i) instanceof org.apache.pdfbox.cos.COSDictionary d) renameFont(d, renamed);
            }
        }
        org.apache.pdfbox.cos.COSDictionary descriptor = font.getCOSDictionary(org.apache.pdfbox.cos.COSName.FONT_DESC);
        if (descriptor != null) {
            String fn = descriptor.getNameAsString(org.apache.pdfbox.cos.COSName.FONT_NAME);
            if (fn != null && renamed.containsKey(fn)) descriptor.setName(org.apache.pdfbox.cos.COSName.FONT_NAME, renamed.get(fn));
            else if (fn != null && fn.matches("[A-Z]{6}\\+.+")) {
                String stable = renamed.computeIfAbsent(fn, k -> tag(renamed.size()) + k.substring(6));
                descriptor.setName(org.apache.pdfbox.cos.COSName.FONT_NAME, stable);
            }
        }
    }

    /** AAAAAA, AAAAAB, … */
    private static String tag(int n) {
        char[] c = new char[6];
        for (int i = 5; i >= 0; i--) {
            c[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(c);
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
}
