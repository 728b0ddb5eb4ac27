package ai.qbit.reports.render.deck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an OOXML package with fixed entry times, so the same model gives the same bytes in every time zone.
 * Entry order is kept ([Content_Types].xml must stay first). The time is set as a local date-time: ZipEntry converts
 * an instant ({@code setTime}, {@code setLastModifiedTime}) to the MS-DOS field in the JVM's default zone, so
 * 1980-01-01T00:00Z was written as 08:00 in Shanghai and clamped differently in Los Angeles; no extended-timestamp
 * fields are written either.
 */
final class DeterministicZip {
    /**
     * Early in the zip format's range, but not 1980-01-01 00:00 itself: ZipEntry takes that DOS value for "before
     * 1980" and then writes an extended timestamp computed in the default zone after all.
     */
    private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 2, 0, 0);

    private DeterministicZip() {
    }

    static byte[] normalize(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(EPOCH);
                out.putNextEntry(copy);
                byte[] content = in.readAllBytes();
                // embedded chart workbooks are zips of their own, with their own timestamps
                out.write(e.getName().endsWith(".xlsx") ? normalize(content) : content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
