package ai.qbit.reports.fonts;

import com.lowagie.text.pdf.BaseFont;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every font file is read once per process and shared by the PDF writer, the charts, the deck and the loader's
 * glyph check. OpenPDF gets the file as bytes: given only a path it reads the subset tables through an unbuffered
 * file, one system call per byte (over 250,000 for one report). An entry is dropped when its file changes
 * (size or modification time), so a long-running watch picks up an edited theme font.
 */
public final class FontCache {
    private record Entry(long size, long modified, byte[] bytes, Map<String, Object> views) {
    }

    private static final Map<Path, Entry> ENTRIES = new ConcurrentHashMap<>();

    private FontCache() {
    }

    /** The file's bytes. */
    public static byte[] bytes(Path file) {
        return entry(file).bytes();
    }

    /** The file as an AWT font (1 pt); derive sizes from it. AWT reads the file by its own path, lazily. */
    public static Font awt(Path file) {
        return view(file, "awt", p -> {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
            } catch (FontFormatException e) {
                throw new IllegalStateException("not a TrueType font: " + p, e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + p, e);
            }
        });
    }

    /**
     * The file as an OpenPDF font, Identity-H, embedded as a subset, backed by the cached bytes. Its name is the
     * path, as when Flying Saucer loads it, so the output is byte for byte what a path-loaded font gives.
     */
    public static BaseFont pdf(Path file) {
        return view(file, "pdf", p -> {
            try {
                return BaseFont.createFont(p.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.NOT_CACHED,
                        bytes(p), null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + p, e);
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException("not a usable TrueType font: " + p + ": " + e.getMessage(), e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T view(Path file, String kind, Function<Path, T> make) {
        Path key = key(file);
        return (T) entry(key).views().computeIfAbsent(kind, k -> make.apply(key));
    }

    private static Entry entry(Path file) {
        Path key = key(file);
        long size, modified;
        try {
            size = Files.size(key);
            modified = Files.getLastModifiedTime(key).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + key, e);
        }
        return ENTRIES.compute(key, (k, old) -> {
            if (old != null && old.size() == size && old.modified() == modified) return old;
            try {
                return new Entry(size, modified, Files.readAllBytes(k), new ConcurrentHashMap<>());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read font " + k, e);
            }
        });
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
