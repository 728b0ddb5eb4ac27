package ai.qbit.reports.render.pdf;

import java.util.List;

/** One bookmark: its title, the id of the element it points to, and its children. */
public record OutlineEntry(String title, String anchor, List<OutlineEntry> children) {
    public OutlineEntry {
        children = List.copyOf(children);
    }
}
