package ai.qbit.reports.load;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a YAML file into a node tree that remembers lines, without constructing Java objects
 * (so no tag can instantiate a class). Syntax errors become problems with line and column; so do a key given twice
 * in one mapping (both lines) and any alias ({@code *name}): a model has no use for them, and a chain of aliases
 * (the "billion laughs") would expand to gigabytes.
 */
final class YamlDoc {
    /** Nesting deeper than this is no report (the deepest real one is 5) and only risks the parser's stack. */
    static final int MAX_DEPTH = 20;

    private YamlDoc() {
    }

    /** Reads {@code file} (checked by the {@link Sandbox}) and parses it. */
    static Optional<YNode> read(Path file, String displayName, Problems problems) {
        String text = Sandbox.readText(file, displayName, Sandbox.MAX_FILE_BYTES, problems);
        return text == null ? Optional.empty() : parse(text, displayName, problems);
    }

    static Optional<YNode> parse(String text, String displayName, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(Sandbox.MAX_FILE_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        try {
            // aliases first, from the event stream: composing would already expand them
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof AliasEvent a) {
                    Mark m = a.getStartMark();
                    problems.add(displayName, m.getLine() + 1, m.getColumn() + 1, "", "alias *" + a.getAnchor()
                            + ": anchors and aliases are not supported in a report model; write the value out");
                    return Optional.empty();
                }
            }
            Node root = new Yaml(options).compose(new StringReader(text));
            if (root == null) {
                problems.add(displayName, 1, 0, "", "is empty; expected a YAML mapping");
                return Optional.empty();
            }
            int before = problems.size();
            checkDuplicateKeys(root, displayName, problems);
            if (problems.size() > before) return Optional.empty();
            return Optional.of(new YNode(root, "", displayName, problems));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() != null ? e.getContext() + ", " : "") + e.getProblem();
            problems.add(displayName, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, "",
                    "malformed YAML: " + what);
        } catch (ReaderException e) { // a character YAML cannot hold: located by its position in the text
            int[] at = lineAndColumn(text, e.getPosition());
            problems.add(displayName, at[0], at[1], "", "the character U+" + String.format(java.util.Locale.ROOT, "%04X", e.getCodePoint())
                    + " is not allowed in YAML (a control character?); delete it");
        } catch (YAMLException e) {
            problems.add(displayName, 0, 0, "", "malformed YAML: " + firstLine(e.getMessage()));
        }
        return Optional.empty();
    }

    /** SnakeYAML's composer does not check duplicate keys (only its constructor does), so the tree is walked here. */
    private static void checkDuplicateKeys(Node node, String file, Problems problems) {
        if (node instanceof MappingNode m) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    Node first = seen.putIfAbsent(k.getValue(), k);
                    if (first != null) {
                        problems.add(file, k.getStartMark().getLine() + 1, k.getStartMark().getColumn() + 1, "", "key \""
                                + YNode.abbreviate(k.getValue()) + "\" is given twice in one mapping (first at line "
                                + (first.getStartMark().getLine() + 1) + ", again at line " + (k.getStartMark().getLine() + 1) + "); keep one");
                    }
                }
                checkDuplicateKeys(t.getValueNode(), file, problems);
            }
        } else if (node instanceof SequenceNode s) {
            for (Node c : s.getValue()) checkDuplicateKeys(c, file, problems);
        }
    }

    /** Line and column (1-based) of the {@code index}-th code point of {@code text}. */
    private static int[] lineAndColumn(String text, int index) {
        int line = 1, col = 1, i = 0;
        for (int n = 0; n < index && i < text.length(); n++) {
            int cp = text.codePointAt(i);
            if (cp == '\n') {
                line++;
                col = 1;
            } else col++;
            i += Character.charCount(cp);
        }
        return new int[]{line, col};
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
