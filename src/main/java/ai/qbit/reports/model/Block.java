package ai.qbit.reports.model;

import java.util.List;
import java.util.Optional;

/** The typed blocks a chapter body is made of. Every block knows the Markdown line it came from. */
public sealed interface Block {

    int line();

    /** A section heading; level 1 is the first level inside a chapter. {@code anchor} is unique in the report. */
    record Heading(int level, List<Inline> text, String anchor, int line) implements Block {
        public Heading {
            text = List.copyOf(text);
        }

        public String plainText() {
            return Inline.plain(text);
        }
    }

    record Paragraph(List<Inline> text, int line) implements Block {
        public Paragraph {
            text = List.copyOf(text);
        }
    }

    /** A bulleted or numbered list; each item is a list of blocks (paragraphs, nested lists). */
    record ListBlock(boolean ordered, int start, List<List<Block>> items, int line) implements Block {
        public ListBlock {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /** A table numbered per chapter; {@code header} cells, then rows of cells. */
    record Table(String caption, int number, List<List<Inline>> header, List<List<List<Inline>>> rows,
                 String anchor, int line) implements Block {
        public Table {
            header = header.stream().map(List::copyOf).toList();
            rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
        }
    }

    /** A quotation with its attribution (without the dash), when the source gives one. */
    record QuoteBlock(List<List<Inline>> paragraphs, Optional<String> attribution, int line) implements Block {
        public QuoteBlock {
            paragraphs = paragraphs.stream().map(List::copyOf).toList();
        }
    }

    /** A figure drawn from a dataset; numbered per chapter (图 5-3). */
    record FigureRef(String datasetId, String caption, int number, String anchor, int line) implements Block {
    }

    /**
     * A figure of the original whose picture was lost: its caption and credit are kept so that a reference in the
     * text ("如下图") points at something, and the reader sees it is not reproduced. Not numbered: it is not drawn.
     */
    record LostFigure(String caption, int line) implements Block {
    }

    /** Words the source lost (a line cut off in the conversion): marked where they were, in the lost figure's style. */
    record LostText(String note, int line) implements Block {
    }

    /** A boxed aside: NOTE, KEY or CASE, with an optional title. */
    record Callout(String kind, String title, List<Block> body, int line) implements Block {
        public Callout {
            body = List.copyOf(body);
        }
    }

    /** A displayed formula: LaTeX source ({@code ```math}), checked at load to parse, typeset by the writers. */
    record Formula(String text, int line) implements Block {
    }

    /** Preformatted text ({@code ```text} or an indented block), set as written. */
    record Preformatted(String text, int line) implements Block {
    }

    /** A footnote's text; {@code number} is its number in the chapter, referenced by {@link Inline.FootnoteRef}. */
    record Footnote(int number, List<Inline> text, int line) implements Block {
        public Footnote {
            text = List.copyOf(text);
        }
    }
}
