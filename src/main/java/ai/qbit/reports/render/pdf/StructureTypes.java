package ai.qbit.reports.render.pdf;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which PDF structure type an XHTML element becomes. HTML's own semantics give the default (h2 → H2, li → LI,
 * th → TH); a template says more with {@code data-tag="Part"} (any standard type), {@code data-tag="Artifact"}
 * (decoration: painted but not read) or {@code data-tag="none"} (transparent). Elements without a type are
 * transparent: their content belongs to the nearest typed ancestor.
 */
final class StructureTypes {
    static final String ARTIFACT = "Artifact";

    /** The standard structure types of ISO 32000-1, 14.8.4: a data-tag outside this set is a template error. */
    static final Set<String> STANDARD = Set.of(
            "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private",
            "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
            "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
            "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot",
            "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form");

    /** Types that group blocks; text sitting directly in them is wrapped in a P. */
    static final Set<String> GROUPING = Set.of("Document", "Part", "Art", "Sect", "Div", "BlockQuote", "TOC", "L", "Table",
            "THead", "TBody", "TFoot", "TR", "LI", "Note", "TOCI");

    private static final Map<String, String> HTML = Map.ofEntries(
            Map.entry("body", "Document"), Map.entry("section", "Sect"), Map.entry("article", "Art"), Map.entry("nav", "TOC"),
            Map.entry("h1", "H1"), Map.entry("h2", "H2"), Map.entry("h3", "H3"), Map.entry("h4", "H4"), Map.entry("h5", "H5"),
            Map.entry("h6", "H6"), Map.entry("p", "P"), Map.entry("pre", "P"), Map.entry("ul", "L"), Map.entry("ol", "L"),
            Map.entry("li", "LI"), Map.entry("table", "Table"), Map.entry("thead", "THead"), Map.entry("tbody", "TBody"),
            Map.entry("tfoot", "TFoot"), Map.entry("tr", "TR"), Map.entry("th", "TH"), Map.entry("td", "TD"),
            Map.entry("caption", "Caption"), Map.entry("figcaption", "Caption"), Map.entry("blockquote", "BlockQuote"),
            Map.entry("q", "Quote"), Map.entry("object", "Figure"), Map.entry("img", "Figure"), Map.entry("code", "Code"));

    private final Map<Element, String> cache = new IdentityHashMap<>();
    private final Map<Element, Boolean> inArtifact = new IdentityHashMap<>();

    /** The element's structure type, {@link #ARTIFACT}, or null when it is transparent. */
    String typeOf(Element e) {
        return cache.computeIfAbsent(e, StructureTypes::resolve);
    }

    private static String resolve(Element e) {
        String declared = e.getAttribute("data-tag");
        if (!declared.isEmpty()) {
            if (declared.equals("none")) return null;
            if (declared.equals(ARTIFACT) || STANDARD.contains(declared)) return declared;
            throw new IllegalArgumentException("data-tag=\"" + declared + "\" on <" + e.getLocalName()
                    + ">: expected a standard PDF structure type (" + String.join(", ", new java.util.TreeSet<>(STANDARD))
                    + "), Artifact or none");
        }
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        if (name.equals("a")) return e.hasAttribute("href") ? "Link" : null;
        return HTML.get(name);
    }

    /** True when the element or an ancestor is decoration. */
    boolean isArtifact(Element e) {
        Boolean known = inArtifact.get(e);
        if (known != null) return known;
        boolean result = ARTIFACT.equals(typeOf(e))
                || (e.getParentNode() instanceof Element parent && isArtifact(parent));
        inArtifact.put(e, result);
        return result;
    }

    /** The tag written before a marked-content sequence: the type of the nearest typed ancestor, else Span. */
    String markTag(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n instanceof Element e) {
                String t = typeOf(e);
                if (t != null && !t.equals(ARTIFACT)) return t;
            }
        }
        return "Span";
    }
}
