package ai.qbit.reports.render;

import ai.qbit.reports.formula.Typeset;
import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import ai.qbit.reports.support.Rendered;
import ai.qbit.reports.support.ReportPdf;
import ai.qbit.reports.support.StructureReader;
import ai.qbit.reports.formula.FormulaText;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ```math block of a report is typeset in report.pdf: a form XObject of filled outlines (no text, no picture)
 * with the formula's proportions, one per formula, and the LaTeX source is nowhere in the page text. JLaTeXMath's
 * fonts never reach the PDF (the glyphs are outlines), so every font in it stays the theme's, embedded.
 */
class FormulaPdfTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void everyFormulaOfASampleIsTypesetAsVectors(String id) throws Exception {
        check(Rendered.of(id));
    }

    /** The English sample has no formula: an English model with one covers the English path. */
    @Test
    void aFormulaInAnEnglishReport() throws Exception {
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("seeds"));
        Files.createSymbolicLink(root.resolve("assets"), Path.of("assets").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        MiniModel m = MiniModel.english(root.resolve("seeds"));
        m.put("chapters/02-shares.md", """
                ## 1. Shares

                Alpha holds about 60% of the market and Beta about 40%. A share is

                ```math
                \\text{share}_A = \\frac{u_A}{u_A + u_B} \\leq 1
                ```

                ![Market shares](figure:shares)
                """);
        m.write();
        Rendered r = Rendered.render(root, m.id(), Rendered.ROOT.resolve("target/test-output/formula").resolve(m.id()));
        assertEquals(1, formulas(r.report()).size(), "the model has its formula");
        check(r);
    }

    static void check(Rendered r) throws Exception {
        List<String> latex = formulas(r.report());
        ReportPdf pdf = r.pdf();
        List<float[]> drawn = new ArrayList<>();
        for (PDPage page : pdf.doc.getPages()) forms(page.getResources(), drawn, 0);
        assertEquals(latex.size(), drawn.size(), r.id() + ": one form of outlines only per formula, found " + drawn.size());
        // each formula matches a drawn form of its proportions (the PDF may shrink a formula to its column, never stretch it)
        List<float[]> left = new ArrayList<>(drawn);
        for (String f : latex) {
            // at the size report.css sets (object.formula: 11pt): the form is the icon's box, in whole units of it
            var icon = Typeset.icon(f, 11f, Color.BLACK);
            float ratio = (float) icon.getIconWidth() / icon.getIconHeight();
            float[] match = left.stream().filter(d -> Math.abs(d[0] / d[1] - ratio) < ratio * 0.02).findFirst()
                    .orElseThrow(() -> new AssertionError(r.id() + ": no form drawn with the proportions of " + f + " among " + describe(left)));
            left.remove(match);
            assertTrue(match[1] > 6, r.id() + ": " + f + " is drawn " + match[1] + " pt high, too small to read");
        }
        String text = ReportPdf.squeeze(pdf.all());
        for (String f : latex) {
            assertFalse(text.contains(ReportPdf.squeeze(f)), r.id() + ": the source of " + f + " is in the page text");
            Matcher cmd = Pattern.compile("\\\\[A-Za-z]+").matcher(f);
            while (cmd.find()) assertFalse(text.contains(cmd.group()), r.id() + ": the command " + cmd.group() + " is in the page text");
        }
        for (PDPage page : pdf.doc.getPages()) fonts(page.getResources(), r.id(), 0);
        // tagged as Formula, in reading order, described by the pack's wording around the readable LaTeX
        List<String> alts = StructureReader.read(pdf.doc).stream().filter(n -> n.type().equals("Formula")).map(StructureReader.Node::alt).toList();
        List<String> expected = latex.stream().map(f -> r.report().lang().msg("formula.alt", FormulaText.readable(f))).toList();
        assertEquals(expected, alts, r.id() + ": the Formula elements' alternative text");
        for (String alt : alts) assertFalse(alt.contains("\\"), r.id() + ": a backslash in the alternative text " + alt);
        // formulas do not reach the deck (its slides and notes take headings, paragraphs and lists): never as source
        String deck = ReportPdf.squeeze(deckText(r.file("deck.pptx")));
        for (String f : latex) {
            assertFalse(deck.contains(ReportPdf.squeeze(f)), r.id() + ": the source of " + f + " is in the deck");
            Matcher cmd = Pattern.compile("\\\\[A-Za-z]+").matcher(f);
            while (cmd.find()) assertFalse(deck.contains(cmd.group()), r.id() + ": the command " + cmd.group() + " is in the deck");
        }
    }

    /** The XML of every slide and notes page, text and markup together. */
    private static String deckText(Path pptx) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(pptx.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.getName().matches("ppt/(slides|notesSlides)/[^/]+\\.xml")) {
                    sb.append(new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(sb.length() > 0, "the deck has slides");
        return sb.toString();
    }

    /** The ```math blocks of every chapter, lists and call-outs included. */
    static List<String> formulas(Report report) {
        List<String> out = new ArrayList<>();
        for (Chapter c : report.allChapters()) collect(c.body(), out);
        return out;
    }

    private static void collect(List<Block> blocks, List<String> out) {
        for (Block b : blocks) {
            if (b instanceof Block.Formula f) out.add(f.text());
            else if (b instanceof Block.ListBlock l) l.items().forEach(item -> collect(item, out));
            else if (b instanceof Block.Callout c) collect(c.body(), out);
        }
    }

    /** Forms whose content only fills paths (no text, no image, no nested form): width and height of each. */
    private static void forms(PDResources res, List<float[]> drawn, int depth) throws IOException {
        if (res == null || depth > 4) return;
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (!(x instanceof PDFormXObject form)) continue;
            Set<String> ops = operators(form);
            boolean fills = ops.contains("f") || ops.contains("f*");
            boolean outlinesOnly = fills && !ops.contains("BT") && !ops.contains("Do") && !ops.contains("BI");
            if (outlinesOnly) drawn.add(new float[]{form.getBBox().getWidth(), form.getBBox().getHeight()});
            forms(form.getResources(), drawn, depth + 1);
        }
    }

    private static Set<String> operators(PDFormXObject form) throws IOException {
        Set<String> ops = new HashSet<>();
        PDFStreamParser p = new PDFStreamParser(form);
        for (Object t = p.parseNextToken(); t != null; t = p.parseNextToken()) if (t instanceof Operator o) ops.add(o.getName());
        return ops;
    }

    private static void fonts(PDResources res, String id, int depth) throws IOException {
        if (res == null || depth > 4) return;
        for (COSName name : res.getFontNames()) {
            PDFont f = res.getFont(name);
            assertFalse(f.getName().toLowerCase().contains("jlm"), id + ": a JLaTeXMath font in the PDF: " + f.getName());
            assertTrue(f.isEmbedded(), id + ": font " + f.getName() + " is not embedded");
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            if (x instanceof PDFormXObject form) fonts(form.getResources(), id, depth + 1);
        }
    }

    private static String describe(List<float[]> forms) {
        StringBuilder sb = new StringBuilder();
        for (float[] f : forms) sb.append(String.format(" %.1f×%.1f", f[0], f[1]));
        return sb.toString();
    }
}
