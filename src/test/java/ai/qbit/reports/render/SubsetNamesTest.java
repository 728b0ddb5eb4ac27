package ai.qbit.reports.render;

import ai.qbit.reports.support.Rendered;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A font subset's name (ABCDEF+NotoSansSC-Regular) stands for one subset: across each PDF the toolkit writes (the
 * report, every brief and digest, and the merged briefs.pdf), a name maps to exactly one embedded font program.
 */
class SubsetNamesTest {

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void everySubsetNameStandsForOneFontProgram(String id) throws Exception {
        Rendered r = Rendered.of(id);
        List<Path> pdfs = r.pdfs();
        assertTrue(pdfs.stream().anyMatch(p -> p.endsWith("briefs.pdf")), id + ": the merged briefs are checked too");
        for (Path pdf : pdfs) {
            Map<String, Set<String>> programs = programsByName(pdf);
            assertFalse(programs.isEmpty(), pdf + " embeds fonts");
            programs.forEach((name, digests) -> {
                assertTrue(name.matches("[A-Z]{6}\\+.+"), pdf.getFileName() + ": " + name + " is a subset name");
                assertTrue(digests.size() == 1, id + "/" + pdf.getFileName() + ": " + name + " names " + digests.size() + " different font programs");
            });
        }
    }

    /** Every embedded font's name (the descriptor's FontName) → the digests of the programs under that name. */
    static Map<String, Set<String>> programsByName(Path file) throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            for (PDPage page : doc.getPages()) collect(page.getResources(), out, seen, 0);
        }
        return out;
    }

    private static void collect(PDResources res, Map<String, Set<String>> out, Set<COSDictionary> seen, int depth) throws IOException {
        if (res == null || depth > 8) return;
        COSDictionary fonts = res.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName n : fonts.keySet()) {
                if (!(fonts.getDictionaryObject(n) instanceof COSDictionary font) || !seen.add(font)) continue;
                COSDictionary cid = font;
                COSArray d = font.getCOSArray(COSName.DESCENDANT_FONTS);
                if (d != null && d.getObject(0) instanceof COSDictionary desc) cid = desc;
                COSDictionary descriptor = cid.getCOSDictionary(COSName.FONT_DESC);
                if (descriptor == null) continue;
                COSStream program = null;
                for (COSName key : new COSName[]{COSName.FONT_FILE2, COSName.FONT_FILE3, COSName.FONT_FILE})
                    if (program == null && descriptor.getDictionaryObject(key) instanceof COSStream s) program = s;
                assertTrue(program != null, "font " + font.getNameAsString(COSName.BASE_FONT) + " is embedded");
                String digest = digest(program);
                // the font's own name and its descriptor's name must agree with each other and with the program
                for (String name : new TreeSet<>(java.util.Arrays.asList(font.getNameAsString(COSName.BASE_FONT),
                        cid.getNameAsString(COSName.BASE_FONT), descriptor.getNameAsString(COSName.FONT_NAME)))) {
                    if (name == null) continue;
                    // a Type 0 font's name may carry the encoding ("-Identity-H"): the subset is the tag plus the font
                    out.computeIfAbsent(name.replaceFirst("-Identity-[HV]$", ""), k -> new TreeSet<>()).add(digest);
                }
            }
        }
        for (COSName n : res.getXObjectNames()) {
            if (res.getXObject(n) instanceof PDFormXObject form) collect(form.getResources(), out, seen, depth + 1);
        }
    }

    private static String digest(COSStream program) throws IOException {
        try (InputStream in = program.createInputStream()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
