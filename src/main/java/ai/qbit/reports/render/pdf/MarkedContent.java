package ai.qbit.reports.render.pdf;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * What the output device marked while it painted: each marked-content sequence (page, MCID) with the DOM node it
 * shows (a text node, or the element of a chart or formula), and where each link was drawn. The structure tree
 * is built from these and the DOM after layout.
 */
public final class MarkedContent {
    /** One marked-content sequence: its page (0-based), its id on that page, and the node whose content it shows. */
    record Mark(int page, int mcid, Node node) {
    }

    /** A link's area on a page, in PDF points, and its {@code <a>} element. */
    record LinkArea(int page, Element anchor, float llx, float lly, float urx, float ury) {
    }

    private final Document dom;
    private final List<Mark> marks = new ArrayList<>();
    private final List<LinkArea> links = new ArrayList<>();
    private final List<Integer> perPage = new ArrayList<>();

    MarkedContent(Document dom) {
        this.dom = dom;
    }

    Document dom() {
        return dom;
    }

    List<Mark> marks() {
        return marks;
    }

    List<LinkArea> links() {
        return links;
    }

    /** How many MCIDs the page uses (its parent-tree array's length). */
    int mcidsOn(int page) {
        return page < perPage.size() ? perPage.get(page) : 0;
    }

    int add(int page, Node node) {
        while (perPage.size() <= page) perPage.add(0);
        int mcid = perPage.get(page);
        perPage.set(page, mcid + 1);
        marks.add(new Mark(page, mcid, node));
        return mcid;
    }

    void link(LinkArea area) {
        links.add(area);
    }
}
