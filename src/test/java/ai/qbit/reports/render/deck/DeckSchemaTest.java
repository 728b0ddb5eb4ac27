package ai.qbit.reports.render.deck;

import ai.qbit.reports.support.RenderedDecks;
import org.apache.xmlbeans.SchemaTypeLoader;
import org.apache.xmlbeans.XmlBeans;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.ByteArrayInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every XML part of the deck validates against the ECMA-376 schemas (XmlBeans, as PowerPoint's repair would judge). */
class DeckSchemaTest {
    static final List<String> REPORTS = RenderedDecks.REPORTS;
    /** POI's compiled ECMA-376 schemas (poi-ooxml-full), which XmlBeans' context loader does not see by itself. */
    static final SchemaTypeLoader SCHEMAS = XmlBeans.typeLoaderUnion(
            org.apache.poi.schemas.ooxml.system.ooxml.TypeSystemHolder.typeSystem, XmlBeans.getContextTypeLoader());

    @ParameterizedTest
    @FieldSource("REPORTS")
    void everyXmlPartIsSchemaValid(String report) throws Exception {
        List<String> problems = new ArrayList<>();
        int validated = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(RenderedDecks.of(report).pptx()))) {
            for (ZipEntry part; (part = zip.getNextEntry()) != null; ) {
                String name = part.getName();
                // the package's own bookkeeping ([Content_Types].xml, .rels, core.xml) follows OPC (ECMA-376 part 2),
                // whose schemas POI does not ship; POI writes those parts itself
                if (!name.endsWith(".xml") || name.startsWith("[") || name.equals("docProps/core.xml")) continue;
                XmlObject xml = SCHEMAS.parse(new ByteArrayInputStream(zip.readAllBytes()), null, new XmlOptions().setLoadLineNumbers());
                if (xml.schemaType().isNoType() || xml.schemaType() == XmlObject.type) {
                    problems.add(name + ": no schema for its root element");
                    continue;
                }
                List<XmlError> errors = new ArrayList<>();
                xml.validate(new XmlOptions().setErrorListener(errors));
                for (XmlError e : errors) problems.add(name + ":" + e.getLine() + ": " + e.getMessage());
                validated++;
            }
        }
        assertTrue(validated > 10, "parts validated: " + validated);
        assertTrue(problems.isEmpty(), problems.size() + " schema errors:\n" + String.join("\n", problems.stream().limit(40).toList()));
    }
}
