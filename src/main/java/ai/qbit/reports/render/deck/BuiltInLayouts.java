package ai.qbit.reports.render.deck;

import org.apache.poi.util.Units;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraphProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.STSchemeColorVal;
import org.openxmlformats.schemas.drawingml.x2006.main.STTextAlignType;
import org.openxmlformats.schemas.drawingml.x2006.main.STTextAnchoringType;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGroupShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTShape;
import org.openxmlformats.schemas.presentationml.x2006.main.STPlaceholderType;
import org.openxmlformats.schemas.presentationml.x2006.main.STSlideLayoutType;

import java.util.Map;

/**
 * The built-in master's layout per slide kind, made from POI's default layouts the deck does not use. Each is
 * placeholders only (a title and bodies with their boxes, columns, alignment and sizes), so a presenter's template
 * can provide a layout of the same name instead.
 */
final class BuiltInLayouts {
    /** Which of POI's default layouts each kind's layout is made from (the deck uses none of these types). */
    private static final Map<DeckTemplate.Kind, SlideLayout> FROM = Map.of(
            DeckTemplate.Kind.AGENDA, SlideLayout.TWO_OBJ,
            DeckTemplate.Kind.KEY_POINTS, SlideLayout.VERT_TX,
            DeckTemplate.Kind.SUMMARY, SlideLayout.VERT_TITLE_AND_TX,
            DeckTemplate.Kind.KEY_FIGURES, SlideLayout.TWO_TX_TWO_OBJ,
            DeckTemplate.Kind.QUOTE, SlideLayout.OBJ_TX,
            DeckTemplate.Kind.CLOSING, SlideLayout.PIC_TX);

    /** Number cards on the key-figures layout; the body after them is the source line. */
    static final int CARDS = 4;

    private BuiltInLayouts() {
    }

    /** Rebuilds the layouts before anything reads their shapes (POI caches a sheet's shapes on first read). */
    static void make(XSLFSlideMaster master) {
        for (var e : FROM.entrySet()) {
            XSLFSlideLayout layout = master.getLayout(e.getValue());
            if (layout == null) continue;
            var xml = layout.getXmlObject();
            xml.getCSld().setName(e.getKey().layoutName);
            xml.setType(STSlideLayoutType.CUST);
            CTGroupShape tree = xml.getCSld().getSpTree();
            for (int i = tree.sizeOfSpArray() - 1; i >= 0; i--) tree.removeSp(i);
            for (int i = tree.sizeOfPicArray() - 1; i >= 0; i--) tree.removePic(i);
            switch (e.getKey()) {
                case AGENDA -> {
                    title(tree, 48, 22, 864, 72, 0);
                    // two columns: a long agenda reads from the back row in two columns of large type
                    var b = body(tree, 1, 48, 104, 864, 396);
                    b.getTxBody().getBodyPr().setNumCol(2);
                    b.getTxBody().getBodyPr().setSpcCol(Units.toEMU(36));
                    // parts (set unbulleted by the writer) and chapters at level 1, a part's chapters at level 2
                    level(b, 1, 22, true, null);
                    level(b, 2, 20, true, null);
                }
                case KEY_POINTS -> {
                    title(tree, 48, 22, 864, 72, 0);
                    var b = body(tree, 1, 48, 110, 864, 390);
                    level(b, 1, 30, true, null);
                }
                case SUMMARY -> {
                    title(tree, 48, 22, 864, 72, 0);
                    var b = body(tree, 1, 96, 120, 768, 360);
                    level(b, 1, 28, false, null);
                }
                case KEY_FIGURES -> {
                    title(tree, 48, 22, 864, 72, 0);
                    double gap = 24, w = (864 - gap * (CARDS - 1)) / CARDS;
                    for (int i = 0; i < CARDS; i++) {
                        var card = body(tree, i + 1, 48 + i * (w + gap), 130, w, 250);
                        card.getSpPr().addNewSolidFill().addNewSchemeClr().setVal(STSchemeColorVal.BG_2);
                        card.getTxBody().getBodyPr().setAnchor(STTextAnchoringType.CTR);
                        // the number large in the theme's dark colour, its label beneath
                        var number = level(card, 1, 48, false, STTextAlignType.CTR).getDefRPr();
                        number.setB(true);
                        number.addNewSolidFill().addNewSchemeClr().setVal(STSchemeColorVal.TX_2);
                        level(card, 2, 20, false, STTextAlignType.CTR);
                    }
                    var source = body(tree, CARDS + 1, 48, 432, 864, 34);
                    level(source, 1, 12, false, null);
                }
                case QUOTE -> {
                    title(tree, 48, 22, 864, 72, 0);
                    var q = body(tree, 1, 96, 120, 768, 270);
                    q.getTxBody().getBodyPr().setAnchor(STTextAnchoringType.CTR);
                    level(q, 1, 36, false, STTextAlignType.CTR);
                    var by = body(tree, 2, 96, 400, 768, 48);
                    level(by, 1, 24, false, STTextAlignType.R);
                }
                case CLOSING -> {
                    title(tree, 72, 50, 816, 110, 44);
                    var b = body(tree, 1, 96, 180, 768, 320);
                    b.getTxBody().getBodyPr().setSpcCol(Units.toEMU(36));
                    level(b, 1, 24, false, STTextAlignType.CTR);
                }
            }
        }
    }

    private static CTShape title(CTGroupShape tree, double x, double y, double w, double h, double size) {
        CTShape sp = shape(tree, "Title", STPlaceholderType.TITLE, -1, x, y, w, h);
        if (size > 0) level(sp, 1, size, false, STTextAlignType.CTR);
        return sp;
    }

    private static CTShape body(CTGroupShape tree, int idx, double x, double y, double w, double h) {
        return shape(tree, "Body " + idx, STPlaceholderType.BODY, idx, x, y, w, h);
    }

    private static CTShape shape(CTGroupShape tree, String name, STPlaceholderType.Enum type, int idx,
                                 double x, double y, double w, double h) {
        CTShape sp = tree.addNewSp();
        var nv = sp.addNewNvSpPr();
        var c = nv.addNewCNvPr();
        c.setId(tree.sizeOfSpArray() + 1);
        c.setName(name);
        nv.addNewCNvSpPr().addNewSpLocks().setNoGrp(true);
        var ph = nv.addNewNvPr().addNewPh();
        ph.setType(type);
        if (idx >= 0) ph.setIdx(idx);
        var xfrm = sp.addNewSpPr().addNewXfrm();
        xfrm.addNewOff().setX(Units.toEMU(x));
        xfrm.getOff().setY(Units.toEMU(y));
        xfrm.addNewExt().setCx(Units.toEMU(w));
        xfrm.getExt().setCy(Units.toEMU(h));
        var tx = sp.addNewTxBody();
        tx.addNewBodyPr();
        tx.addNewLstStyle();
        tx.addNewP();
        return sp;
    }

    /** A list level's size, bullet and alignment on a placeholder (level 1 or 2). */
    private static CTTextParagraphProperties level(CTShape sp, int level, double size, boolean bullet, STTextAlignType.Enum align) {
        var list = sp.getTxBody().getLstStyle();
        CTTextParagraphProperties p = level == 1 ? (list.isSetLvl1PPr() ? list.getLvl1PPr() : list.addNewLvl1PPr())
                : (list.isSetLvl2PPr() ? list.getLvl2PPr() : list.addNewLvl2PPr());
        if (align != null) p.setAlgn(align);
        if (!bullet) {
            p.setMarL(0);
            p.setIndent(0);
            if (!p.isSetBuNone()) p.addNewBuNone();
        }
        var r = p.isSetDefRPr() ? p.getDefRPr() : p.addNewDefRPr();
        r.setSz((int) Math.round(size * 100));
        return p;
    }
}
