package ai.qbit.reports.model;

import java.util.List;

/** A part of the report (PART 1 技术篇 …) grouping chapters. */
public record Part(String id, int number, String label, String title, List<Chapter> chapters) {
    public Part {
        chapters = List.copyOf(chapters);
    }

    /** "PART 1 / 技术篇" style number, two digits, as on the part opener. */
    public String numberLabel() {
        return String.format("%02d", number);
    }
}
