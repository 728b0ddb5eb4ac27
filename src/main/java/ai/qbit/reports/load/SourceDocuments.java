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
    private final Path dir;
    private final Map<String, List<String>> cache = new HashMap<>();

    SourceDocuments(Path dir) {
        this.dir = dir;
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
        List<String> lines = lines(m.group(1));
        if (lines == null) {
            at.problem("source document " + m.group(1) + " is not in sources/ (" + String.join(", ", available()) + ")");
            return null;
        }
        int n = Integer.parseInt(m.group(2));
        if (n < 1 || n > lines.size()) {
            at.problem(m.group(1) + " has lines 1–" + lines.size() + ", not " + n);
            return null;
        }
        return new Line(m.group(1), n, lines.get(n - 1));
    }

    private List<String> lines(String name) {
        return cache.computeIfAbsent(name, k -> {
            Path p = dir.resolve(k).normalize();
            if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) return null;
            try {
                return List.of(YamlDoc.readUtf8(p).split("\n", -1));
            } catch (IOException e) {
                return null;
            }
        });
    }

    private List<String> available() {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
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
