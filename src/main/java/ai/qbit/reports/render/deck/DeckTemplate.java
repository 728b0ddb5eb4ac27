package ai.qbit.reports.render.deck;

import ai.qbit.reports.model.Theme;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTheme;
import org.openxmlformats.schemas.drawingml.x2006.main.CTColor;
import org.openxmlformats.schemas.drawingml.x2006.main.CTColorScheme;
import org.openxmlformats.schemas.drawingml.x2006.main.CTFontCollection;
import org.openxmlformats.schemas.drawingml.x2006.main.CTFontScheme;
import org.openxmlformats.schemas.drawingml.x2006.main.STSchemeColorVal;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The slide master and layouts a deck is built on: POI's default master restyled from the theme
 * (16:9, theme fonts for Latin and East Asian text, theme colours), or the presenter's own template
 * ({@code -Ddeck.template=corp.pptx}), whose layouts are matched by type, like Pandoc's --reference-doc.
 */
public final class DeckTemplate {
    /** The layout types the deck uses, and what a user template must provide. */
    static final List<SlideLayout> REQUIRED = List.of(SlideLayout.TITLE, SlideLayout.TITLE_AND_CONTENT,
            SlideLayout.SECTION_HEADER, SlideLayout.TITLE_ONLY);

    /** A template that lacks a layout the deck needs; the message names what is missing and what is there. */
    public static final class TemplateException extends Exception {
        public TemplateException(String message) {
            super(message);
        }
    }

    /**
     * The slide kinds with a layout of their own in the built-in master. A template may provide a layout of the
     * same name (any case); without one, the kind uses the template's TITLE_AND_CONTENT layout.
     */
    enum Kind {
        AGENDA("Agenda"), KEY_POINTS("Key Points"), SUMMARY("Summary"), KEY_FIGURES("Key Figures"), QUOTE("Quote"),
        CLOSING("Closing");

        final String layoutName;

        Kind(String layoutName) {
            this.layoutName = layoutName;
        }
    }

    final XMLSlideShow show;
    /** True for the built-in master, whose notes master takes the report's theme too. */
    boolean builtIn;
    final Map<SlideLayout, XSLFSlideLayout> layouts = new EnumMap<>(SlideLayout.class);
    /** Layouts by lower-case name, for the slide kinds' own layouts. */
    final Map<String, XSLFSlideLayout> named = new java.util.HashMap<>();

    private DeckTemplate(XMLSlideShow show) {
        this.show = show;
    }

    /** POI's default master, made 16:9 and restyled from the theme: a designed master, not a stretched 4:3 one. */
    public static DeckTemplate builtIn(Theme theme) throws TemplateException {
        XMLSlideShow show = new XMLSlideShow();
        show.setPageSize(new Dimension(960, 540));
        for (XSLFSlideMaster master : show.getSlideMasters()) {
            BuiltInLayouts.make(master);
            place(master.getShapes(), null);
            for (XSLFSlideLayout layout : master.getSlideLayouts()) {
                if (layout.getType() == SlideLayout.CUST) continue; // a kind's own layout, placed already
                place(layout.getShapes(), layout.getType());
                if (layout.getType() == SlideLayout.TITLE || layout.getType() == SlideLayout.SECTION_HEADER) {
                    background(layout, theme.primary());
                    for (XSLFShape sh : layout.getShapes()) {
                        if (sh instanceof org.apache.poi.xslf.usermodel.XSLFTextShape ts) textColour(ts, theme.onPrimary());
                    }
                }
            }
            titleColour(master);
            applyTheme(master.getTheme(), theme);
        }
        DeckTemplate t = new DeckTemplate(show);
        t.builtIn = true;
        t.matchLayouts("the built-in template");
        return t;
    }

    /** Where the built-in design puts each placeholder on a 960 × 540 pt slide. */
    private static void place(List<XSLFShape> shapes, SlideLayout layout) {
        for (XSLFShape s : shapes) {
            if (!(s instanceof org.apache.poi.xslf.usermodel.XSLFSimpleShape ss) || ss.getPlaceholderDetails() == null) continue;
            var ph = ss.getPlaceholderDetails().getPlaceholder();
            if (ph == null) continue;
            Rectangle2D r = switch (ph) {
                case CENTERED_TITLE -> new Rectangle2D.Double(72, 150, 816, 130);
                case SUBTITLE -> new Rectangle2D.Double(72, 300, 816, 110);
                case TITLE -> layout == SlideLayout.SECTION_HEADER ? new Rectangle2D.Double(72, 200, 816, 100)
                        : new Rectangle2D.Double(48, 22, 864, 72);
                case BODY, CONTENT -> layout == SlideLayout.SECTION_HEADER ? new Rectangle2D.Double(72, 310, 816, 90)
                        : new Rectangle2D.Double(48, 104, 864, 380);
                case DATETIME -> new Rectangle2D.Double(48, 500, 224, 28);
                case FOOTER -> new Rectangle2D.Double(328, 500, 304, 28);
                case SLIDE_NUMBER -> new Rectangle2D.Double(688, 500, 224, 28);
                default -> null;
            };
            if (r != null) SlideText.moveTo(ss, r);
        }
    }

    /** A layout's own background (without one, POI would hand back and change the master's). */
    private static void background(XSLFSlideLayout layout, String hex) {
        var cSld = layout.getXmlObject().getCSld();
        if (cSld.isSetBg()) cSld.unsetBg();
        var pr = cSld.addNewBg().addNewBgPr();
        pr.addNewSolidFill().addNewSrgbClr().setVal(hexBytes(hex));
        pr.addNewEffectLst();
    }

    /** Titles in the theme's dark colour (dk2 = the primary colour), set on the master's title style. */
    private static void titleColour(XSLFSlideMaster master) {
        var style = master.getXmlObject().getTxStyles().getTitleStyle();
        var lvl = style.isSetLvl1PPr() ? style.getLvl1PPr() : style.addNewLvl1PPr();
        var rpr = lvl.isSetDefRPr() ? lvl.getDefRPr() : lvl.addNewDefRPr();
        rpr.setB(true);
        if (rpr.isSetSolidFill()) rpr.unsetSolidFill();
        rpr.addNewSolidFill().addNewSchemeClr().setVal(STSchemeColorVal.TX_2);
    }

    private static void textColour(org.apache.poi.xslf.usermodel.XSLFTextShape shape, String hex) {
        var body = shape.getTextBody().getXmlObject();
        var list = body.isSetLstStyle() ? body.getLstStyle() : body.addNewLstStyle();
        var lvl = list.isSetLvl1PPr() ? list.getLvl1PPr() : list.addNewLvl1PPr();
        var rpr = lvl.isSetDefRPr() ? lvl.getDefRPr() : lvl.addNewDefRPr();
        if (rpr.isSetSolidFill()) rpr.unsetSolidFill();
        rpr.addNewSolidFill().addNewSrgbClr().setVal(hexBytes(hex));
    }

    /** The presenter's template: its master, layouts and theme; its own slides are removed. */
    public static DeckTemplate of(Path file) throws IOException, TemplateException {
        if (!Files.isRegularFile(file)) throw new TemplateException("deck template " + file + " does not exist");
        XMLSlideShow show;
        try (InputStream in = Files.newInputStream(file)) {
            show = new XMLSlideShow(in);
        } catch (org.apache.poi.ooxml.POIXMLException | org.apache.poi.UnsupportedFileFormatException e) {
            throw new TemplateException("deck template " + file + " is not a PowerPoint (.pptx) file: " + e.getMessage());
        }
        for (int i = show.getSlides().size() - 1; i >= 0; i--) show.removeSlide(i);
        DeckTemplate t = new DeckTemplate(show);
        t.matchLayouts("deck template " + file.getFileName());
        return t;
    }

    XSLFSlideLayout layout(SlideLayout type) {
        return layouts.get(type);
    }

    /** The kind's own layout, by name; a template without one gets its TITLE_AND_CONTENT layout. */
    XSLFSlideLayout layout(Kind kind) {
        return named.getOrDefault(kind.layoutName.toLowerCase(java.util.Locale.ROOT), layouts.get(SlideLayout.TITLE_AND_CONTENT));
    }

    /** Does the template have the kind's own layout (so its placeholders are the kind's: cards, attribution)? */
    boolean has(Kind kind) {
        return named.containsKey(kind.layoutName.toLowerCase(java.util.Locale.ROOT));
    }

    private void matchLayouts(String what) throws TemplateException {
        List<String> available = new ArrayList<>();
        for (XSLFSlideMaster master : show.getSlideMasters()) {
            for (XSLFSlideLayout l : master.getSlideLayouts()) {
                available.add(l.getType() + " (\"" + l.getName() + "\")");
                if (l.getType() != null) layouts.putIfAbsent(l.getType(), l);
                if (l.getName() != null) named.putIfAbsent(l.getName().trim().toLowerCase(java.util.Locale.ROOT), l);
            }
        }
        List<String> missing = REQUIRED.stream().filter(t -> !layouts.containsKey(t)).map(Enum::name).toList();
        if (!missing.isEmpty()) {
            throw new TemplateException(what + " lacks slide layouts of type " + String.join(", ", missing)
                    + "; it has: " + String.join(", ", available));
        }
    }

    /** Theme fonts (Latin and East Asian both the bundled family, with a Simplified Chinese fallback) and colours. */
    static void applyTheme(XSLFTheme xslfTheme, Theme theme) {
        xslfTheme.getXmlObject().setName(theme.name());
        var elements = xslfTheme.getXmlObject().getThemeElements();
        CTFontScheme fonts = elements.getFontScheme();
        fonts.setName(theme.name());
        byte[] panose = LatinClass.panose(theme.regularFont());
        for (CTFontCollection c : new CTFontCollection[]{fonts.getMajorFont(), fonts.getMinorFont()}) {
            c.getLatin().setTypeface(theme.fontFamily());
            // DrawingML has no fallback family for Latin text (a:font entries are per non-Latin script): the
            // font's class is what PowerPoint substitutes by, so say it: its PANOSE family and serif style, pitch and family
            c.getLatin().setPanose(panose);
            c.getLatin().setPitchFamily(LatinClass.pitchFamily(panose));
            c.getLatin().setCharset((byte) 0);
            c.getEa().setTypeface(theme.fontFamily());
            var hans = c.getFontList().stream().filter(f -> "Hans".equals(f.getScript())).findFirst()
                    .orElseGet(() -> {
                        var f = c.addNewFont();
                        f.setScript("Hans");
                        return f;
                    });
            hans.setTypeface(theme.fallbackFont());
        }
        CTColorScheme colors = elements.getClrScheme();
        colors.setName(theme.name());
        set(colors.getDk1(), theme.ink());
        set(colors.getLt1(), theme.paper());
        set(colors.getDk2(), theme.primary());
        set(colors.getLt2(), theme.tint());
        List<String> series = theme.series();
        CTColor[] accents = {colors.getAccent1(), colors.getAccent2(), colors.getAccent3(), colors.getAccent4(),
                colors.getAccent5(), colors.getAccent6()};
        for (int i = 0; i < accents.length; i++) set(accents[i], series.get(i % series.size()));
        set(colors.getHlink(), theme.primary());
    }

    private static void set(CTColor c, String hex) {
        if (c.isSetSysClr()) c.unsetSysClr();
        if (c.isSetSchemeClr()) c.unsetSchemeClr();
        var rgb = c.isSetSrgbClr() ? c.getSrgbClr() : c.addNewSrgbClr();
        rgb.setVal(hexBytes(hex));
    }

    static byte[] hexBytes(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new byte[]{(byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
