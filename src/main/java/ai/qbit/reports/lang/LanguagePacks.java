package ai.qbit.reports.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.TreeSet;

/**
 * Finds language packs: {@code messages_<lang>.properties} files (UTF-8) in a search path of folders, the report's
 * own {@code lang/} first, then the toolkit's {@code templates/lang/}. For "zh-CN" the candidates are
 * messages_zh_CN then messages_zh, as {@link ResourceBundle.Control} would try them; the JVM's default locale is
 * never consulted, so a build does not depend on the machine it runs on.
 */
public final class LanguagePacks {
    static final String BASE = "messages";

    private LanguagePacks() {
    }

    /** The pack for {@code tag}, chained over {@code dirs} in order; empty when no built-in pack speaks it. */
    public static Optional<LanguagePack> load(String tag, Path builtIn, Path reportDir) throws IOException {
        Locale locale = Locale.forLanguageTag(tag);
        if (locale.getLanguage().isEmpty()) return Optional.empty();
        List<ResourceBundle> chain = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (bundles(builtIn, locale, new ArrayList<>(), new ArrayList<>()) == 0) return Optional.empty();
        bundles(reportDir, locale, chain, files);
        bundles(builtIn, locale, chain, files);
        return Optional.of(new LanguagePack(tag, locale, chain, files));
    }

    /** The language tags the built-in packs speak: "en", "zh-CN" … */
    public static List<String> available(Path builtIn) {
        TreeSet<String> out = new TreeSet<>();
        if (!Files.isDirectory(builtIn)) return List.of();
        try (var s = Files.list(builtIn)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(BASE + "_") && n.endsWith(".properties"))
                    .map(n -> n.substring(BASE.length() + 1, n.length() - ".properties".length()).replace('_', '-'))
                    .forEach(out::add);
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(out);
    }

    /** Most specific first: messages_zh_CN, messages_zh (the files that exist). */
    private static int bundles(Path dir, Locale locale, List<ResourceBundle> out, List<Path> files) throws IOException {
        int found = 0;
        if (dir == null || !Files.isDirectory(dir)) return 0;
        List<String> names = new ArrayList<>();
        if (!locale.getCountry().isEmpty()) names.add(BASE + "_" + locale.getLanguage() + "_" + locale.getCountry());
        names.add(BASE + "_" + locale.getLanguage());
        for (String n : names) {
            Path f = dir.resolve(n + ".properties");
            if (!Files.isRegularFile(f)) continue;
            try (InputStream in = Files.newInputStream(f)) {
                out.add(new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8)));
                files.add(f);
                found++;
            }
        }
        return found;
    }
}
