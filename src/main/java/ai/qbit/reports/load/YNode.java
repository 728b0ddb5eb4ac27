package ai.qbit.reports.load;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML node with its path ("parts[0].chapters[2].title") and line, and typed accessors that report
 * what was expected and what was found instead of throwing. A missing node has no YAML behind it.
 */
final class YNode {
    private final Node node;          // null when the key was absent
    private final String path;
    private final String file;
    private final Problems problems;
    private final int fallbackLine;   // for absent nodes: the line of the parent mapping

    YNode(Node node, String path, String file, Problems problems) {
        this(node, path, file, problems, 0);
    }

    private YNode(Node node, String path, String file, Problems problems, int fallbackLine) {
        this.node = node;
        this.path = path;
        this.file = file;
        this.problems = problems;
        this.fallbackLine = fallbackLine;
    }

    String path() {
        return path;
    }

    String file() {
        return file;
    }

    int line() {
        return node == null ? fallbackLine : node.getStartMark().getLine() + 1;
    }

    int column() {
        return node == null ? 0 : node.getStartMark().getColumn() + 1;
    }

    boolean isMissing() {
        return node == null || (node instanceof ScalarNode s && "null".equals(s.getTag().getValue().replace("tag:yaml.org,2002:", "")));
    }

    void problem(String message) {
        problems.add(file, line(), column(), path, message);
    }

    /** The value under {@code key} of this mapping (a missing node if absent). */
    YNode get(String key) {
        String childPath = path.isEmpty() ? key : path + "." + key;
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new YNode(t.getValueNode(), childPath, file, problems);
                }
            }
        }
        return new YNode(null, childPath, file, problems, line());
    }

    /** Reports keys this mapping has that are not among {@code allowed} (a typo would otherwise be silently ignored). */
    boolean requireMapping(String... allowed) {
        if (!(node instanceof MappingNode m)) {
            problem("expected a mapping (key: value lines), found " + describe());
            return false;
        }
        Set<String> ok = new LinkedHashSet<>(Arrays.asList(allowed));
        for (NodeTuple t : m.getValue()) {
            String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (!ok.contains(k)) {
                problems.add(file, t.getKeyNode().getStartMark().getLine() + 1, t.getKeyNode().getStartMark().getColumn() + 1,
                        path.isEmpty() ? k : path + "." + k, "unknown field; expected one of: " + String.join(", ", ok));
            }
        }
        return true;
    }

    /** A required text field; reports and returns "" when absent, empty or not text. */
    String text(String key) {
        YNode n = get(key);
        if (n.isMissing()) {
            n.problem("missing; expected text");
            return "";
        }
        String s = n.scalar("text");
        if (s != null && s.isBlank()) {
            n.problem("is empty; expected text");
        }
        return s == null ? "" : s.strip();
    }

    Optional<String> optText(String key) {
        YNode n = get(key);
        if (n.isMissing()) return Optional.empty();
        String s = n.scalar("text");
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** This node as a scalar string; reports and returns null when it is a list or mapping. */
    String scalar(String expected) {
        if (node instanceof ScalarNode s) {
            String bad = TextRules.controlCharacter(s.getValue());
            if (bad != null) {
                problem("contains the control character " + bad + ", which no document format can hold; delete it");
                return TextRules.withoutControlCharacters(s.getValue());
            }
            return s.getValue();
        }
        problem("expected " + expected + ", found " + describe());
        return null;
    }

    /** A yes/no field; absent is false. */
    boolean bool(String key) {
        YNode n = get(key);
        if (n.isMissing()) return false;
        String s = n.scalar("true or false");
        if (s == null) return false;
        if (s.strip().equals("true")) return true;
        if (!s.strip().equals("false")) n.problem("expected true or false, found \"" + abbreviate(s) + "\"");
        return false;
    }

    int integer(String key, int min, int max) {
        YNode n = get(key);
        if (n.isMissing()) {
            n.problem("missing; expected a whole number from " + min + " to " + max);
            return min;
        }
        String s = n.scalar("a whole number");
        if (s == null) return min;
        try {
            int v = Integer.parseInt(s.strip());
            if (v < min || v > max) {
                n.problem("expected a whole number from " + min + " to " + max + ", found " + v);
                return min;
            }
            return v;
        } catch (NumberFormatException e) {
            n.problem("expected a whole number from " + min + " to " + max + ", found \"" + s + "\"");
            return min;
        }
    }

    /** The items of a list field; reports when present but not a list. An absent field is an empty list. */
    List<YNode> list(String key) {
        YNode n = get(key);
        if (n.isMissing()) return List.of();
        return n.items();
    }

    List<YNode> items() {
        if (!(node instanceof SequenceNode seq)) {
            problem("expected a list (lines starting with \"- \"), found " + describe());
            return List.of();
        }
        List<YNode> out = new ArrayList<>();
        int i = 0;
        for (Node child : seq.getValue()) {
            out.add(new YNode(child, path + "[" + i++ + "]", file, problems));
        }
        return out;
    }

    /** Printed text: reports a word too long for a line, here. Returns {@code s}. */
    String printed(String s) {
        String w = s == null ? null : TextRules.longWord(s);
        if (w != null) problem(TextRules.longWordMessage(w));
        return s;
    }

    /** Each printed field of this mapping among {@code keys}, checked with {@link #printed}; lists item by item. */
    void printedFields(String... keys) {
        for (String k : keys) {
            YNode n = get(k);
            if (n.node instanceof ScalarNode sc) n.printed(sc.getValue());
            else if (n.node instanceof SequenceNode) for (YNode item : n.items()) if (item.node instanceof ScalarNode sc) item.printed(sc.getValue());
        }
    }

    /** A list of texts; each item must be a scalar. */
    List<String> textList(String key) {
        List<String> out = new ArrayList<>();
        for (YNode item : list(key)) {
            String s = item.scalar("text");
            if (s != null) {
                if (s.isBlank()) item.problem("is empty; expected text");
                else out.add(s.strip());
            }
        }
        return out;
    }

    String describe() {
        if (node == null) return "nothing";
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        if (node instanceof ScalarNode s) return "\"" + abbreviate(s.getValue()) + "\"";
        return node.getNodeId().toString();
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
}
