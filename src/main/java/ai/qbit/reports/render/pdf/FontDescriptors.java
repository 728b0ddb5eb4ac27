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

/**
 * OpenPDF writes a CIDSet for each subset that lists fewer CIDs than the subset holds; PDF/UA-1 (7.21.4.2) allows
 * a CIDSet only when it is complete, and none at all is valid, so it is removed.
 */
final class FontDescriptors {
    private FontDescriptors() {
    }

    static void dropCidSets(PDDocument doc) throws IOException {
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : doc.getPages()) visit(page.getResources(), seen, 0);
    }

    private static void visit(PDResources res, Set<COSDictionary> seen, int depth) throws IOException {
        if (res == null || depth > 6) return;
        COSDictionary fonts = res.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName n : fonts.keySet()) {
                COSDictionary font = fonts.getCOSDictionary(n);
                if (font == null || !seen.add(font)) continue;
                COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
                if (descendants == null) continue;
                for (int i = 0; i < descendants.size(); i++) {
                    if (descendants.getObject(i) instanceof COSDictionary d) {
                        COSDictionary desc = d.getCOSDictionary(COSName.FONT_DESC);
                        if (desc != null) desc.removeItem(COSName.CID_SET);
                    }
                }
            }
        }
        for (COSName n : res.getXObjectNames()) {
            if (res.getXObject(n) instanceof PDFormXObject form) visit(form.getResources(), seen, depth + 1);
        }
    }
}
