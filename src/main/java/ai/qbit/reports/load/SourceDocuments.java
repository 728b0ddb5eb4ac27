package ai.qbit.reports.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The report's source documents ({@code sources/}), so provenance like "002_….txt:1109" can be checked. */
final class SourceDocuments {
    private static final Pattern REF = Pattern.compile("^([\\w.\\-]+):(\\d+)$");
    private final Sandbox folder;
    /** Per file: its lines, or why it cannot be used (reported once, at the first reference). */
    private final Map<String, Object> cache = new HashMap<>();

    SourceDocuments(Sandbox folder) {
        this.folder = folder;
    }

    /** A checked reference: the file exists in sources/ and has that line. */
    record Line(String file, int number, String text) {
    }

    /** Resolves "file:line"; reports on {@code at} and returns null if it does not point at a line. */
    Line resolve(String ref, YNode at) {
        Matcher m = REF.matcher(ref.strip());
        if (!m.matches()) {
            at.problem("expected a source line like \"002_60ebbbbbae8729be.txt:1109\", found \"" + YNode.abbreviate(ref) + "\"");
            return null;
        }
        Object doc = lines(m.group(1));
        if (doc instanceof String why) {
            at.problem(why);
            return null;
        }
        @SuppressWarnings("unchecked") List<String> lines = (List<String>) doc;
        long n;
        try {
            n = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            n = Long.MAX_VALUE;
        }
        if (n < 1 || n > lines.size()) {
            at.problem(m.group(1) + " has lines 1–" + lines.size() + ", not " + YNode.abbreviate(m.group(2)));
            return null;
        }
        return new Line(m.group(1), (int) n, lines.get((int) n - 1));
    }

    /** The lines of sources/{@code name}, or a sentence saying why there are none. */
    private Object lines(String name) {
        return cache.computeIfAbsent(name, k -> {
            String display = folder.label() + "sources/" + k;
            Sandbox.Found f = folder.find("sources/" + k);
            if (f.absent()) return "source document " + k + " is not in sources/ (" + String.join(", ", available()) + ")";
            if (f.problem() != null) return "source document " + display + " " + f.problem();
            Problems local = new Problems();
            String text = Sandbox.readText(f.path(), display, Sandbox.MAX_SOURCE_BYTES, local);
            if (text == null) return "source document " + local.list().get(0);
            return List.of(text.split("\n", -1));
        });
    }

    private List<String> available() {
        Sandbox.Found dir = folder.folder("sources");
        if (dir.path() == null) return List.of();
        try (var s = Files.list(dir.path())) {
            return s.map(p -> p.getFileName().toString()).sorted().limit(20).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Does every number of {@code raw} occur on one of {@code lines}? Numbers are compared as whole tokens with
     * thousands separators removed on both sides, so "over 4,000" is stated by "4000" or "4,000" but not by "14,000",
     * and "29%" not by "1290" or "2.9".
     */
    static boolean statedOn(String raw, List<Line> lines) {
        List<String> digits = ValueParser.digits(raw);
        if (digits.isEmpty()) { // a number in words (五倍): the words themselves must be there
            return lines.stream().anyMatch(l -> l.text().contains(raw.strip()));
        }
        for (String d : digits) {
            boolean found = lines.stream().anyMatch(l -> ValueParser.digits(l.text()).contains(d));
            if (!found) return false;
        }
        return true;
    }
}
