package ai.qbit.reports.model;

import java.util.List;

/** Runs of text inside a paragraph, heading, list item or table cell. */
public sealed interface Inline {

    record Text(String text) implements Inline {
    }

    record Strong(List<Inline> children) implements Inline {
        public Strong {
            children = List.copyOf(children);
        }
    }

    record Emphasis(List<Inline> children) implements Inline {
        public Emphasis {
            children = List.copyOf(children);
        }
    }

    record Link(String href, List<Inline> children) implements Inline {
        public Link {
            children = List.copyOf(children);
        }
    }

    record Code(String text) implements Inline {
    }

    record LineBreak() implements Inline {
    }

    /** A reference to footnote {@code number} of the same chapter. */
    record FootnoteRef(int number) implements Inline {
    }

    /** The text without markup, as a reader would copy it. */
    static String plain(List<Inline> runs) {
        StringBuilder sb = new StringBuilder();
        for (Inline in : runs) {
            // Java 17: no pattern switch yet, so an instanceof chain
            if (in instanceof Text t) sb.append(t.text());
            else if (in instanceof Strong s) sb.append(plain(s.children()));
            else if (in instanceof Emphasis e) sb.append(plain(e.children()));
            else if (in instanceof Link l) sb.append(plain(l.children()));
            else if (in instanceof Code c) sb.append(c.text());
            else if (in instanceof LineBreak) sb.append('\n');
        }
        return sb.toString();
    }
}
