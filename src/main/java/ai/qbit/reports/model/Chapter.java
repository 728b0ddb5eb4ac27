package ai.qbit.reports.model;

import java.util.List;
import java.util.Optional;

/**
 * A chapter: a trend (with the per-chapter fields the deck and briefs need), a section (序言, 结语 …)
 * or a case study. Body blocks come from the chapter's Markdown file.
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
        SourceRef file) {

    public Chapter {
        keyPoints = List.copyOf(keyPoints);
        keyFigures = List.copyOf(keyFigures);
        figureIds = List.copyOf(figureIds);
        body = List.copyOf(body);
    }

    public boolean isTrend() {
        return kind == ChapterKind.TREND;
    }

    /** "趋势五" for trends; empty otherwise. */
    public String numberLabel() {
        return isTrend() ? "趋势" + ChineseNumerals.of(number) : "";
    }

    /** The full heading: "AI应用竞争：多领域竞速运营大于技术，AI助手兵家必争" for a trend, the title otherwise. */
    public String fullTitle() {
        return isTrend() && !tagline.isEmpty() ? title + "：" + tagline : title;
    }

    /** The section headings of the first level, for the table of contents. */
    public List<Block.Heading> topHeadings() {
        return body.stream().filter(b -> b instanceof Block.Heading h && h.level() == 1)
                .map(b -> (Block.Heading) b).toList();
    }
}
