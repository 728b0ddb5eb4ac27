package ai.qbit.reports.load;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Parses a YAML file into a node tree that remembers lines, without constructing Java objects
 * (so no tag can instantiate a class). Syntax errors become problems with line and column.
 */
final class YamlDoc {
    private YamlDoc() {
    }

    static Optional<YNode> read(Path file, String displayName, Problems problems) {
        String text;
        try {
            text = readUtf8(file);
        } catch (CharacterCodingException e) {
            problems.add(displayName, 0, 0, "", "is not UTF-8 text; save it as UTF-8");
            return Optional.empty();
        } catch (IOException e) {
            problems.add(displayName, 0, 0, "", "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return Optional.empty();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(8 * 1024 * 1024);
        options.setNestingDepthLimit(40);
        try (Reader r = new java.io.StringReader(text)) {
            Node root = new Yaml(options).compose(r);
            if (root == null) {
                problems.add(displayName, 1, 0, "", "is empty; expected a YAML mapping");
                return Optional.empty();
            }
            return Optional.of(new YNode(root, "", displayName, problems));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() != null ? e.getContext() + ", " : "") + e.getProblem();
            problems.add(displayName, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, "",
                    "malformed YAML: " + what);
        } catch (YAMLException | IOException e) {
            problems.add(displayName, 0, 0, "", "malformed YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    static String readUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString()
                .replace("\r\n", "\n");
    }
}
