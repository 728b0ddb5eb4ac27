package ai.qbit.reports.render.deck;

import ai.qbit.reports.model.Report;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSheet;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextParagraph;

/**
 * The language every text run is tagged with (PowerPoint's proofing, East Asian line breaking, the font it picks):
 * the report's language as a full tag (lang), and for a language that is not English the English the text mixes in
 * (altLang). From the language pack ({@code deck.text.lang}, {@code deck.text.altlang}), else the report's language.
 */
record TextLanguage(String lang, String altLang) {
    static TextLanguage of(Report report) {
        return new TextLanguage(report.lang().msgOr("deck.text.lang", report.language()),
                report.lang().msgOr("deck.text.altlang", ""));
    }

    void tag(CTTextCharacterProperties rpr) {
        rpr.setLang(lang);
        if (!altLang.isEmpty()) rpr.setAltLang(altLang);
        else if (rpr.isSetAltLang()) rpr.unsetAltLang();
    }

    /** Every run, field, line break and paragraph end of a text body. */
    void tag(CTTextBody body) {
        for (CTTextParagraph p : body.getPList()) {
            for (var r : p.getRList()) tag(r.isSetRPr() ? r.getRPr() : r.addNewRPr());
            for (var f : p.getFldList()) tag(f.isSetRPr() ? f.getRPr() : f.addNewRPr());
            for (var b : p.getBrList()) tag(b.isSetRPr() ? b.getRPr() : b.addNewRPr());
            tag(p.isSetEndParaRPr() ? p.getEndParaRPr() : p.addNewEndParaRPr());
        }
    }

    /** Every text shape of a slide or notes page. */
    void tag(XSLFSheet sheet) {
        for (XSLFShape s : sheet.getShapes()) {
            if (s instanceof XSLFTextShape t) tag(t.getTextBody().getXmlObject());
        }
    }
}
