package ai.qbit.reports.render.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The fonts a PDF uses, on its pages and in the forms they draw (charts, formulas), each met once. */
final class FontDescriptors {
    /** What to do with one font dictionary. */
    interface FontAction {
        void apply(COSDictionary font) throws IOException;
    }

    private FontDescriptors() {
    }

    /** Calls {@code action} once for every font dictionary of the document's pages and their forms. */
    static void forEachFont(PDDocument doc, FontAction action) throws IOException {
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : doc.getPages()) visit(page.getResources(), action, seen, 0);
    }

    /**
     * OpenPDF writes a CIDSet for each subset that lists fewer CIDs than the subset holds; PDF/UA-1 (7.21.4.2)
     * allows a CIDSet only when it is complete, and none at all is valid, so it is removed.
     */
    static void dropCidSets(PDDocument doc) throws IOException {
        forEachFont(doc, font -> {
            COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
            if (descendants == null) return;
            for (int i = 0; i < descendants.size(); i++) {
                if (descendants.getObject(i) instanceof COSDictionary d) {
                    COSDictionary desc = d.getCOSDictionary(COSName.FONT_DESC);
                    if (desc != null) desc.removeItem(COSName.CID_SET);
                }
            }
        });
    }

    private static void visit(PDResources res, FontAction action, Set<COSDictionary> seen, int depth) throws IOException {
        if (res == null || depth > 8) return;
        COSDictionary fonts = res.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName n : fonts.keySet()) {
                if (fonts.getDictionaryObject(n) instanceof COSDictionary font && seen.add(font)) action.apply(font);
            }
        }
        for (COSName n : res.getXObjectNames()) {
            if (res.getXObject(n) instanceof PDFormXObject form) visit(form.getResources(), action, seen, depth + 1);
        }
    }
}
