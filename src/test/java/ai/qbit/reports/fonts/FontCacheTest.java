package ai.qbit.reports.fonts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each font file is read once and shared; a changed file is read again. */
class FontCacheTest {
    static final Path REGULAR = Path.of("assets/fonts/NotoSansSC-Regular.ttf");

    @TempDir
    Path tmp;

    @Test
    void oneFileOneFontForPdfChartsAndDeck() throws Exception {
        assertSame(FontCache.pdf(REGULAR), FontCache.pdf(REGULAR.toAbsolutePath()));
        assertSame(FontCache.awt(REGULAR), FontCache.awt(REGULAR));
        assertArrayEquals(Files.readAllBytes(REGULAR), FontCache.bytes(REGULAR));
        // the name Flying Saucer gives a font it loads by path; the PDF's font names come from the file either way
        assertEquals("Noto Sans SC", FontCache.pdf(REGULAR).getFamilyFontName()[0][3]);
    }

    @Test
    void aChangedFileIsReadAgain() throws Exception {
        Path copy = tmp.resolve("font.ttf");
        Files.copy(REGULAR, copy);
        var before = FontCache.pdf(copy);
        Files.setLastModifiedTime(copy, FileTime.fromMillis(Files.getLastModifiedTime(copy).toMillis() + 5000));
        assertNotSame(before, FontCache.pdf(copy));
    }
}
