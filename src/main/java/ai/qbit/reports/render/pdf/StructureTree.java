package ai.qbit.reports.render.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the logical structure tree with PDFBox after layout, from the XHTML DOM and the marked content the
 * output device recorded: elements in document order, each marked-content sequence referenced from the element
 * that owns its text, link annotations referenced from their Link element, and the parent tree that maps both
 * back. Elements that painted nothing on any page are left out.
 */
final class StructureTree {
    private final PDDocument doc;
    private final MarkedContent content;
    private final StructureTypes types;
    private final Map<Node, List<MarkedContent.Mark>> marksByNode = new IdentityHashMap<>();
    private final Map<Element, Boolean> live = new IdentityHashMap<>();
    private final Map<Element, PDStructureElement> built = new IdentityHashMap<>();
    private final Map<Integer, COSArray> parentArrays = new HashMap<>();
    private final Set<String> ids = new HashSet<>();
    private int placed;

    StructureTree(PDDocument doc, MarkedContent content, StructureTypes types) {
        this.doc = doc;
        this.content = content;
        this.types = types;
        for (MarkedContent.Mark m : content.marks()) marksByNode.computeIfAbsent(m.node(), k -> new ArrayList<>()).add(m);
    }

    /** Writes the tree, the parent tree, MarkInfo and each page's StructParents and tab order into {@code doc}. */
    void build() throws IOException {
        PDStructureTreeRoot root = new PDStructureTreeRoot();
        Element body = body(content.dom().getDocumentElement());
        PDStructureElement document = new PDStructureElement("Document", root);
        root.appendKid(document);
        built.put(body, document);
        children(body, document);
        if (placed != content.marks().size()) {
            throw new IllegalStateException((content.marks().size() - placed) + " marked-content sequences have no place in the structure tree");
        }

        Map<Integer, COSObjectable> numbers = new LinkedHashMap<>();
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            page.getCOSObject().setInt(COSName.STRUCT_PARENTS, i);
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            COSArray arr = parentArrays.getOrDefault(i, new COSArray());
            numbers.put(i, new PDParentTreeValue(arr));
        }
        int next = pages;
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            for (PDAnnotation a : page.getAnnotations()) {
                PDStructureElement owner = a instanceof PDAnnotationLink link ? linkOwner(i, link) : append(document, "Annot");
                PDObjectReference objr = new PDObjectReference();
                objr.setReferencedObject(a);
                objr.setPage(page);
                owner.appendKid(objr);
                a.setStructParent(next);
                numbers.put(next++, new PDParentTreeValue(owner.getCOSObject()));
            }
        }
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(numbers);
        root.setParentTree(parentTree);
        root.setParentTreeNextKey(next);
        doc.getDocumentCatalog().setStructureTreeRoot(root);
        PDMarkInfo info = new PDMarkInfo();
        info.setMarked(true);
        doc.getDocumentCatalog().setMarkInfo(info);
    }

    private static Element body(Element html) {
        for (Node n = html.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "body".equals(e.getLocalName())) return e;
        }
        return html;
    }

    /** The children of {@code e}, in document order, under {@code here}; then what the element itself painted. */
    private void children(Element e, PDStructureElement here) {
        PDStructureElement implicitP = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                implicitP = null;
                element(child, here);
            } else if (marksByNode.containsKey(n)) {
                PDStructureElement target = here;
                if (StructureTypes.GROUPING.contains(here.getStructureType())) {
                    if (implicitP == null) implicitP = append(here, "P");
                    target = implicitP;
                }
                reference(target, marksByNode.get(n));
            }
        }
        List<MarkedContent.Mark> own = marksByNode.get(e);
        if (own != null) reference(here, own);
    }

    private void element(Element e, PDStructureElement parent) {
        String type = types.typeOf(e);
        if (StructureTypes.ARTIFACT.equals(type)) return;
        // an empty cell still holds its place in the row (PDF/UA 7.2-43: rows of equal length)
        boolean cell = "TD".equals(type) || "TH".equals(type) || "TR".equals(type);
        if (!isLive(e) && !(cell && parent.getStructureType().matches("TR|THead|TBody|TFoot|Table"))) return;
        if (type == null) {
            boolean directText = false;
            for (Node n = e.getFirstChild(); n != null && !directText; n = n.getNextSibling()) directText = marksByNode.containsKey(n);
            if (directText && StructureTypes.GROUPING.contains(parent.getStructureType())) type = "P";
        }
        if (type == null) {
            children(e, parent);
            return;
        }
        PDStructureElement here = append(parent, type);
        built.put(e, here);
        String alt = e.getAttribute("data-alt");
        if (!alt.isEmpty()) here.setAlternateDescription(alt);
        else if (type.equals("Figure") || type.equals("Formula")) here.setAlternateDescription(e.getTextContent().strip());
        String lang = e.getAttribute("lang");
        if (!lang.isEmpty()) here.setLanguage(lang);
        if (type.equals("Note")) here.setElementIdentifier(uniqueId(e));
        if (type.equals("TH")) {
            PDTableAttributeObject scope = new PDTableAttributeObject();
            scope.setScope(insideHead(e) ? PDTableAttributeObject.SCOPE_COLUMN : PDTableAttributeObject.SCOPE_ROW);
            here.addAttribute(scope);
        }
        children(e, here);
    }

    private String uniqueId(Element e) {
        String base = e.getAttribute("id").isEmpty() ? "note" : e.getAttribute("id");
        String id = base;
        for (int i = 2; !ids.add(id); i++) id = base + "-" + i;
        return id;
    }

    private static boolean insideHead(Element th) {
        for (Node n = th.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if ("thead".equals(p.getLocalName())) return true;
            if ("table".equals(p.getLocalName())) return false;
        }
        return false;
    }

    private static PDStructureElement append(PDStructureNode parent, String type) {
        PDStructureElement child = new PDStructureElement(type, parent);
        parent.appendKid(child);
        return child;
    }

    private void reference(PDStructureElement owner, List<MarkedContent.Mark> marks) {
        for (MarkedContent.Mark m : marks) {
            PDPage page = doc.getPage(m.page());
            PDMarkedContentReference mcr = new PDMarkedContentReference();
            mcr.setMCID(m.mcid());
            mcr.setPage(page);
            owner.appendKid(mcr);
            COSArray arr = parentArrays.computeIfAbsent(m.page(), k -> {
                COSArray a = new COSArray();
                for (int i = 0; i < content.mcidsOn(k); i++) a.add(org.apache.pdfbox.cos.COSNull.NULL);
                return a;
            });
            arr.set(m.mcid(), owner.getCOSObject());
            placed++;
        }
    }

    /** Whether anything in the element's subtree was painted (and so belongs in the tree). */
    private boolean isLive(Element e) {
        Boolean known = live.get(e);
        if (known != null) return known;
        boolean result = marksByNode.containsKey(e);
        for (Node n = e.getFirstChild(); n != null && !result; n = n.getNextSibling()) {
            result = n instanceof Element child ? isLive(child) : marksByNode.containsKey(n);
        }
        live.put(e, result);
        return result;
    }

    /** The Link element of the {@code <a>} drawn where the annotation is (the largest overlap on its page). */
    private PDStructureElement linkOwner(int page, PDAnnotationLink link) {
        var r = link.getRectangle();
        MarkedContent.LinkArea best = null;
        double bestArea = 0;
        for (MarkedContent.LinkArea a : content.links()) {
            if (a.page() != page) continue;
            double w = Math.min(r.getUpperRightX(), a.urx()) - Math.max(r.getLowerLeftX(), a.llx());
            double h = Math.min(r.getUpperRightY(), a.ury()) - Math.max(r.getLowerLeftY(), a.lly());
            if (w > 0 && h > 0 && w * h > bestArea) {
                bestArea = w * h;
                best = a;
            }
        }
        PDStructureElement owner = best == null ? null : built.get(best.anchor());
        if (owner == null || !"Link".equals(owner.getStructureType())) {
            throw new IllegalStateException("a link annotation on page " + (page + 1) + " at " + r + " matches no drawn link");
        }
        if (link.getContents() == null || link.getContents().isBlank()) link.setContents(description(best.anchor()));
        return owner;
    }

    /** A link's description: the template's data-alt, else the text it is drawn with. */
    private static String description(Element a) {
        String alt = a.getAttribute("data-alt");
        if (!alt.isEmpty()) return alt;
        String text = a.getTextContent().strip();
        return text.isEmpty() ? a.getAttribute("href") : text;
    }
}
