package ai.qbit.reports.render.deck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class of the theme's font as DrawingML states it on {@code a:latin} (PANOSE, pitch and family), read from the
 * bundled font file, so an office suite without the font substitutes one of the same kind (a sans for a sans).
 */
final class LatinClass {
    /** PANOSE "Latin text, normal sans serif, everything else any": for a font file without a readable OS/2 table. */
    private static final byte[] SANS = {2, 11, 0, 0, 0, 0, 0, 0, 0, 0};

    private LatinClass() {
    }

    /**
     * The font's PANOSE family kind and serif style; the other eight digits are "any" (0), as fonts often fill them
     * carelessly (Noto Sans SC Regular calls itself "very light") and a wrong weight would steer the substitute.
     */
    static byte[] panose(Path fontFile) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(fontFile));
            int tables = b.getShort(4) & 0xFFFF;
            for (int i = 0; i < tables; i++) {
                int entry = 12 + 16 * i;
                if (b.getInt(entry) == 0x4F532F32) { // "OS/2"
                    int os2 = b.getInt(entry + 8);
                    byte[] p = new byte[10];
                    p[0] = b.get(os2 + 32);
                    p[1] = b.get(os2 + 33);
                    return p[0] == 0 ? SANS.clone() : p;
                }
            }
        } catch (IOException | IndexOutOfBoundsException e) {
            // not a TrueType/OpenType file we can read: say sans, the kind every bundled theme font is
        }
        return SANS.clone();
    }

    /**
     * The Windows pitch-and-family byte for a PANOSE: variable pitch (2), plus Swiss (0x20) for a sans serif (serif
     * styles 11 to 13), Modern (0x30) for a monospaced font (proportion 9), Roman (0x10) for other Latin text faces.
     */
    static byte pitchFamily(byte[] panose) {
        boolean mono = panose[3] == 9;
        int family = panose[0] != 2 ? 0 : mono ? 0x30 : panose[1] >= 11 && panose[1] <= 13 ? 0x20 : 0x10;
        return (byte) (family | (mono ? 1 : 2));
    }
}
