package ai.qbit.reports.model;

import java.util.List;
import java.util.Optional;

/**
 * A chapter of any kind (trend, section, case): its title, the optional fields the deck and briefs feature
 * (tagline, summary, key points, key figures, featured figures, quote) and its body from the chapter's Markdown.
 * {@code number} is 0 for a chapter the report does not number; {@code kicker} is the model's own line above the
 * title (empty: the writers compose one); {@code credits} marks the chapter the deck's closing slide lists.
 */
public record Chapter(
        String id,
        ChapterKind kind,
        int number,
        String title,
        String tagline,
        String summary,
        List<String> keyPoints,
        List<KeyFigure> keyFigures,
        List<String> figureIds,
        Optional<Quote> quote,
        List<Block> body,
        String kicker,
        boolean credits,
        SourceRef file) {

    public Chapter {
        keyPoints = List.copyOf(keyPoints);
        keyFigures = List.copyOf(keyFigures);
        figureIds = List.copyOf(figureIds);
        body = List.copyOf(body);
    }

    public boolean isNumbered() {
        return number > 0;
    }

    /** The section headings of the first level, for the table of contents. */
    public List<Block.Heading> topHeadings() {
        return body.stream().filter(b -> b instanceof Block.Heading h && h.level() == 1)
                .map(b -> (Block.Heading) b).toList();
    }
}
