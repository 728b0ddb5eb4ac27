package ai.qbit.reports.render.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;

/**
 * Subset tags (the six capitals before "+" in a font name) derived from the embedded font program: one tag per
 * distinct program in the file, the same tag for the same program, the same tags on every run.
 */
final class SubsetTags {
    private static final String TAGGED = "[A-Z]{6}\\+.+";

    /** Tag by font-program digest; the digest that took each tag, so two programs never share one. */
    private final Map<String, String> tagOfProgram = new HashMap<>();
    private final Map<String, String> programOfTag = new HashMap<>();

    void rename(PDDocument doc) throws IOException {
        FontDescriptors.forEachFont(doc, this::font);
    }

    /** A simple font or a Type 0 font with its descendant: every name of one subset gets the program's tag. */
    private void font(COSDictionary font) throws IOException {
        COSDictionary cid = font;
        COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
        if (descendants != null && descendants.size() > 0 && descendants.getObject(0) instanceof COSDictionary d) cid = d;
        COSDictionary descriptor = cid.getCOSDictionary(COSName.FONT_DESC);
        COSStream program = descriptor == null ? null : program(descriptor);
        if (program == null) return; // not embedded: no subset, no tag
        String tag = tag(digest(program));
        retag(font, COSName.BASE_FONT, tag);
        if (cid != font) retag(cid, COSName.BASE_FONT, tag);
        retag(descriptor, COSName.FONT_NAME, tag);
    }

    private static COSStream program(COSDictionary descriptor) {
        for (COSName key : new COSName[]{COSName.FONT_FILE2, COSName.FONT_FILE3, COSName.FONT_FILE}) {
            if (descriptor.getDictionaryObject(key) instanceof COSStream s) return s;
        }
        return null;
    }

    private static void retag(COSDictionary dict, COSName key, String tag) {
        String name = dict.getNameAsString(key);
        if (name != null && name.matches(TAGGED)) dict.setName(key, tag + name.substring(6));
    }

    /** Six capitals from the digest; should two programs meet on one tag, the later hashes its digest again. */
    private String tag(byte[] digest) {
        String program = java.util.HexFormat.of().formatHex(digest);
        String known = tagOfProgram.get(program);
        if (known != null) return known;
        byte[] d = digest;
        while (true) {
            char[] c = new char[6];
            for (int i = 0; i < 6; i++) c[i] = (char) ('A' + Math.floorMod(d[i], 26));
            String tag = new String(c);
            if (programOfTag.putIfAbsent(tag, program) == null) {
                tagOfProgram.put(program, tag);
                return tag;
            }
            d = sha256(d);
        }
    }

    /**
     * A cheap fingerprint of the stored (compressed) program: two checksums and the length, 128 bits. A cold run
     * spent a third of a second hashing the inflated programs with SHA-256; telling subsets apart needs no more.
     */
    private static byte[] digest(COSStream program) throws IOException {
        try (InputStream in = program.createRawInputStream()) {
            byte[] bytes = in.readAllBytes();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes);
            java.util.zip.Adler32 adler = new java.util.zip.Adler32();
            adler.update(bytes);
            return java.nio.ByteBuffer.allocate(16).putInt((int) crc.getValue()).putInt((int) adler.getValue())
                    .putLong(bytes.length).array();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
