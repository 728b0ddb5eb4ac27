package ai.qbit.reports.model;

import java.util.List;

/**
 * A part of the report grouping chapters (PART 1 技术篇 …). A report that lists its chapters directly has one
 * implicit part (empty id): it has no opener, no contents entry and no bookmark of its own.
 */
public record Part(String id, int number, String label, String title, List<Chapter> chapters) {
    public Part {
        chapters = List.copyOf(chapters);
    }

    public boolean implicit() {
        return id.isEmpty();
    }

    /** The part number as the cover and part opener show it: two digits, "01". */
    public String numberLabel() {
        return String.format("%02d", number);
    }
}
