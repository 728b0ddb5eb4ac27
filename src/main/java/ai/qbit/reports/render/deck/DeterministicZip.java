package ai.qbit.reports.render.deck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an OOXML package with fixed entry times, so the same model gives the same bytes.
 * Entry order is kept ([Content_Types].xml must stay first).
 */
final class DeterministicZip {
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01, the zip format's zero

    private DeterministicZip() {
    }

    static byte[] normalize(byte[] zip) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setLastModifiedTime(EPOCH);
                copy.setCreationTime(EPOCH);
                copy.setLastAccessTime(EPOCH);
                copy.setTime(EPOCH.toMillis());
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
