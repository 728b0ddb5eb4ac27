package ai.qbit.reports.render.deck;

import ai.qbit.reports.model.Theme;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFNotesMaster;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.presentationml.x2006.main.CTGroupShape;
import org.openxmlformats.schemas.presentationml.x2006.main.CTShape;
import org.openxmlformats.schemas.presentationml.x2006.main.STPlaceholderSize;
import org.openxmlformats.schemas.presentationml.x2006.main.STPlaceholderType;

/**
 * Printed speaker notes: a notes master of our own for the portrait notes page (a 16:9 slide image, the notes body
 * inside the page, the slide number as a real field; no header, footer or date), and notes pages that carry only the
 * slide image, the notes and the number. POI's built-in notes template, which this replaces, is laid out for a
 * landscape page, has a 4:3 image box, a date frozen in 2013 and copies its fields as schema-invalid text runs.
 */
final class NotesPages {
    /** The notes page in EMU (the presentation's notesSz): 7.5 × 10 in, portrait. */
    static final long PAGE_W = 6_858_000, PAGE_H = 9_144_000;
    private static final long MARGIN = 685_800;                                   // 0.75 in
    private static final long IMAGE_X = MARGIN, IMAGE_Y = 457_200, IMAGE_W = PAGE_W - 2 * MARGIN, IMAGE_H = IMAGE_W * 9 / 16;
    private static final long BODY_Y = IMAGE_Y + IMAGE_H + 365_760, BODY_H = PAGE_H - 914_400 - BODY_Y;
    private static final long NUMBER_W = 1_371_600, NUMBER_Y = PAGE_H - 731_520, NUMBER_H = 320_040;
    private static final long IMAGE_IDX = 2, BODY_IDX = 3, NUMBER_IDX = 5;
    private static final String SLIDE_NUMBER_FIELD = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}";

    private final XMLSlideShow show;
    private final Theme theme;
    private final TextLanguage language;
    private boolean prepared;

    /** Notes pages in {@code theme}'s fonts and colours, or in a user template's own when it is null. */
    NotesPages(XMLSlideShow show, Theme theme, TextLanguage language) {
        this.show = show;
        this.theme = theme;
        this.language = language;
    }

    /** Lays out the deck's notes master, once, before the first notes page (POI makes it from its template only once a slide exists). */
    private void prepare() {
        if (prepared) return;
        prepared = true;
        var size = show.getCTPresentation().getNotesSz();
        size.setCx(PAGE_W);
        size.setCy(PAGE_H);
        if (show.getNotesMaster() == null) show.createNotesMaster();
        XSLFNotesMaster master = show.getNotesMaster();
        if (theme != null) DeckTemplate.applyTheme(master.getTheme(), theme);
        CTGroupShape tree = master.getXmlObject().getCSld().getSpTree();
        tree.setSpArray(new CTShape[0]);
        addImage(tree, 2, true);
        CTShape body = addBody(tree, 3, true);
        body.getTxBody().addNewP().addNewEndParaRPr();
        CTShape number = addNumber(tree, 4, true);
        number.getTxBody().addNewP().addNewEndParaRPr();
        language.tag(body.getTxBody());
        // the notes text: the theme's body size for reading aloud, not 12 pt
        var style = master.getXmlObject().getNotesStyle();
        if (style != null && style.isSetLvl1PPr() && style.getLvl1PPr().isSetDefRPr()) style.getLvl1PPr().getDefRPr().setSz(1400);
        language.tag(number.getTxBody());
    }

    /** The slide's notes page: its image, {@code text} (one paragraph per line) and its number. */
    void write(XSLFSlide slide, String text) {
        prepare();
        XSLFNotes notes = show.getNotesSlide(slide);
        CTGroupShape tree = notes.getXmlObject().getCSld().getSpTree();
        tree.setSpArray(new CTShape[0]);
        addImage(tree, 2, false);
        CTTextBody body = addBody(tree, 3, false).getTxBody();
        for (String line : text.split("\n")) {
            var p = body.addNewP();
            var r = p.addNewR();
            r.addNewRPr();
            r.setT(line);
        }
        language.tag(body);
        CTTextBody number = addNumber(tree, 4, false).getTxBody();
        var field = number.addNewP().addNewFld();
        field.setId(SLIDE_NUMBER_FIELD);
        field.setType("slidenum");
        field.addNewRPr();
        field.setT(String.valueOf(slide.getSlideNumber()));
        language.tag(number);
    }

    private static CTShape addImage(CTGroupShape tree, long id, boolean onMaster) {
        CTShape sp = placeholder(tree, id, "Slide Image Placeholder", STPlaceholderType.SLD_IMG, IMAGE_IDX, null);
        var locks = sp.getNvSpPr().getCNvSpPr().addNewSpLocks();
        locks.setNoGrp(true);
        locks.setNoRot(true);
        locks.setNoChangeAspect(true);
        if (onMaster) {
            frame(sp, IMAGE_X, IMAGE_Y, IMAGE_W, IMAGE_H);
            sp.getSpPr().addNewNoFill();
            var ln = sp.getSpPr().addNewLn();
            ln.setW(9525);
            ln.addNewSolidFill().addNewSchemeClr().setVal(org.openxmlformats.schemas.drawingml.x2006.main.STSchemeColorVal.TX_1);
        }
        return sp;
    }

    private static CTShape addBody(CTGroupShape tree, long id, boolean onMaster) {
        CTShape sp = placeholder(tree, id, "Notes Placeholder", STPlaceholderType.BODY, BODY_IDX, STPlaceholderSize.QUARTER);
        if (onMaster) frame(sp, MARGIN, BODY_Y, IMAGE_W, BODY_H);
        text(sp, onMaster, false);
        return sp;
    }

    private static CTShape addNumber(CTGroupShape tree, long id, boolean onMaster) {
        CTShape sp = placeholder(tree, id, "Slide Number Placeholder", STPlaceholderType.SLD_NUM, NUMBER_IDX, STPlaceholderSize.QUARTER);
        if (onMaster) frame(sp, PAGE_W - MARGIN - NUMBER_W, NUMBER_Y, NUMBER_W, NUMBER_H);
        text(sp, onMaster, true);
        return sp;
    }

    private static CTShape placeholder(CTGroupShape tree, long id, String name, STPlaceholderType.Enum type, long idx,
                                       STPlaceholderSize.Enum size) {
        CTShape sp = tree.addNewSp();
        var nv = sp.addNewNvSpPr();
        var c = nv.addNewCNvPr();
        c.setId(id);
        c.setName(name + " " + (id - 1));
        nv.addNewCNvSpPr();
        var ph = nv.addNewNvPr().addNewPh();
        ph.setType(type);
        ph.setIdx(idx);
        if (size != null) ph.setSz(size);
        sp.addNewSpPr();
        return sp;
    }

    private static void frame(CTShape sp, long x, long y, long w, long h) {
        var xfrm = sp.getSpPr().addNewXfrm();
        xfrm.addNewOff().setX(x);
        xfrm.getOff().setY(y);
        xfrm.addNewExt().setCx(w);
        xfrm.getExt().setCy(h);
        sp.getSpPr().addNewPrstGeom().setPrst(org.openxmlformats.schemas.drawingml.x2006.main.STShapeType.RECT);
        sp.getSpPr().getPrstGeom().addNewAvLst();
    }

    private static void text(CTShape sp, boolean onMaster, boolean number) {
        CTTextBody body = sp.addNewTxBody();
        var pr = body.addNewBodyPr();
        var list = body.addNewLstStyle();
        if (onMaster && number) {
            pr.setAnchor(org.openxmlformats.schemas.drawingml.x2006.main.STTextAnchoringType.B);
            var lvl = list.addNewLvl1PPr();
            lvl.setAlgn(org.openxmlformats.schemas.drawingml.x2006.main.STTextAlignType.R);
            lvl.addNewDefRPr().setSz(1100);
        }
    }
}
