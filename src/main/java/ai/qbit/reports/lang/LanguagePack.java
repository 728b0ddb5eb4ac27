package ai.qbit.reports.lang;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words the toolkit itself prints, in one language: a chain of {@link ResourceBundle}s (the report's own
 * overrides first, then the built-in pack) read with {@link MessageFormat} in the pack's locale.
 * Every user-visible word outside the model comes from here; Java and templates hold only keys.
 */
public final class LanguagePack {
    private final String tag;
    private final Locale locale;
    private final List<ResourceBundle> chain;
    private final List<java.nio.file.Path> files;

    LanguagePack(String tag, Locale locale, List<ResourceBundle> chain, List<java.nio.file.Path> files) {
        this.tag = tag;
        this.locale = locale;
        this.chain = List.copyOf(chain);
        this.files = List.copyOf(files);
    }

    /** The properties files of the chain, most specific first (so their characters can be checked against the font). */
    public List<java.nio.file.Path> files() {
        return files;
    }

    /** The BCP 47 tag the model asked for, e.g. "zh-CN" or "en". */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The message {@code key} with {@code args} filled in; a missing key is a defect of the pack. */
    public String msg(String key, Object... args) {
        String pattern = pattern(key);
        if (pattern == null) throw new MissingResourceException("language pack " + tag + " has no message " + key, "messages", key);
        return args.length == 0 && !pattern.contains("'") ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The message, or {@code fallback} when the pack leaves the key out (optional keys such as numeral styles). */
    public String msgOr(String key, String fallback) {
        return has(key) ? msg(key) : fallback;
    }

    public boolean has(String key) {
        return pattern(key) != null;
    }

    private String pattern(String key) {
        for (ResourceBundle b : chain) {
            if (b.containsKey(key)) return b.getString(key);
        }
        return null;
    }

    /** Every key the chain defines (for the glyph check and the pack-completeness test). */
    public Set<String> keys() {
        Set<String> out = new TreeSet<>();
        for (ResourceBundle b : chain) out.addAll(Collections.list(b.getKeys()));
        return out;
    }


    /** A list joined the way the language joins lists ("A、B、C" / "A, B and C"). */
    public String join(List<String> items) {
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        String sep = msg("list.separator");
        String last = msg("list.last");
        return String.join(sep, items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    /** {@code text} in the language's quotation marks. */
    public String quoted(String text) {
        return msg("quote.open") + text + msg("quote.close");
    }
}
