package ai.qbit.reports.model;

import java.util.List;

/** A part of the report (PART 1 技术篇 …) grouping chapters. */
public record Part(String id, int number, String label, String title, List<Chapter> chapters) {
    public Part {
        chapters = List.copyOf(chapters);
    }

    /** The part number as the cover and part opener show it: two digits, "01". */
    public String numberLabel() {
        return String.format("%02d", number);
    }
}
