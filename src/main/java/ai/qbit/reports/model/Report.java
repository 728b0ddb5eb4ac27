package ai.qbit.reports.model;

import ai.qbit.reports.lang.LanguagePack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One report: metadata, front matter, parts of chapters (or one implicit part when the model lists chapters
 * directly), back matter, the datasets its figures draw, and the report's settings: its language pack, how each
 * chapter kind is numbered, and which kinds get slides and briefs.
 */
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
        LanguagePack lang,
        Map<ChapterKind, String> numbering,
        Set<ChapterKind> deckKinds,
        Set<ChapterKind> briefKinds,
        List<Chapter> front,
        List<Part> parts,
        List<Chapter> back,
        Map<String, Dataset> datasets) {

    public Report {
        keywords = List.copyOf(keywords);
        numbering = Map.copyOf(numbering);
        deckKinds = Set.copyOf(deckKinds);
        briefKinds = Set.copyOf(briefKinds);
        front = List.copyOf(front);
        parts = List.copyOf(parts);
        back = List.copyOf(back);
        datasets = Map.copyOf(datasets);
    }

    /** Every chapter in reading order: front, the parts' chapters, back. */
    public List<Chapter> allChapters() {
        return Stream.of(front.stream(), body().stream(), back.stream()).flatMap(s -> s).toList();
    }

    /** The body chapters in order (those inside parts, or listed directly). */
    public List<Chapter> body() {
        return parts.stream().flatMap(p -> p.chapters().stream()).toList();
    }

    /** The parts a reader sees (openers, contents entries, dividers): none when the model lists chapters directly. */
    public List<Part> visibleParts() {
        return parts.stream().filter(p -> !p.implicit()).toList();
    }

    /** The body chapters that get slides in the deck. */
    public List<Chapter> deckChapters() {
        return body().stream().filter(c -> deckKinds.contains(c.kind())).toList();
    }

    /** The body chapters that get a brief. */
    public List<Chapter> briefChapters() {
        return body().stream().filter(c -> briefKinds.contains(c.kind())).toList();
    }

    /** The chapter the model marks as credits (listed on the closing slide), if any. */
    public Optional<Chapter> credits() {
        return allChapters().stream().filter(Chapter::credits).findFirst();
    }

    public Optional<Part> partOf(Chapter chapter) {
        return parts.stream().filter(p -> p.chapters().contains(chapter)).findFirst();
    }

    /** The numbering style of a chapter kind ("trend", "chapter", "numeral", "none"). */
    public String numberingOf(ChapterKind kind) {
        return numbering.getOrDefault(kind, "none");
    }

    public Dataset dataset(String id) {
        Dataset d = datasets.get(id);
        if (d == null) throw new IllegalArgumentException("no dataset " + id); // the loader guarantees references resolve
        return d;
    }
}
