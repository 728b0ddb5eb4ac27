package ai.qbit.reports.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** One annual report: metadata, front matter, parts of chapters, back matter, and the datasets its figures draw. */
public record Report(
        String id,
        String title,
        String subtitle,
        String publisher,
        String author,
        LocalDate date,
        String language,
        List<String> keywords,
        Theme theme,
        List<Chapter> front,
        List<Part> parts,
        List<Chapter> back,
        Map<String, Dataset> datasets) {

    public Report {
        keywords = List.copyOf(keywords);
        front = List.copyOf(front);
        parts = List.copyOf(parts);
        back = List.copyOf(back);
        datasets = Map.copyOf(datasets);
    }

    /** Every chapter in reading order: front, the parts' chapters, back. */
    public List<Chapter> allChapters() {
        return Stream.of(front.stream(), parts.stream().flatMap(p -> p.chapters().stream()), back.stream())
                .flatMap(s -> s).toList();
    }

    /** The trends in order (the chapters that carry the per-chapter fields). */
    public List<Chapter> trends() {
        return parts.stream().flatMap(p -> p.chapters().stream()).filter(Chapter::isTrend).toList();
    }

    public Optional<Part> partOf(Chapter chapter) {
        return parts.stream().filter(p -> p.chapters().contains(chapter)).findFirst();
    }

    public Dataset dataset(String id) {
        Dataset d = datasets.get(id);
        if (d == null) throw new IllegalArgumentException("no dataset " + id); // the loader guarantees references resolve
        return d;
    }
}
