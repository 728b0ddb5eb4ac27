package ai.qbit.reports.load;

import ai.qbit.reports.model.Block;
import ai.qbit.reports.model.Inline;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chapter's Markdown into typed blocks. CommonMark + GFM tables + footnotes, plus the
 * report conventions (figure references, table captions, attributed quotes, call-outs, math).
 * Anything it cannot represent faithfully is a problem with the file and line, not a silent drop.
 */
public final class MarkdownReader {
    private static final Pattern CALLOUT = Pattern.compile("^\\[!(NOTE|KEY|CASE)]\\s*(.*)$");
    private static final Pattern TABLE_CAPTION = Pattern.compile("^Table[:：]\\s*(.+)$", Pattern.DOTALL);
    /**
     * The attribution written as the quote's last line without a blank line before it ("> text" then "> — Name"):
     * the runs after the last soft line break, when they start with a dash, are taken off the paragraph.
     */
    private static String splitTrailingAttribution(Paragraph p) {
        Node lastBreak = null;
        for (Node n = p.getFirstChild(); n != null; n = n.getNext()) if (n instanceof org.commonmark.node.SoftLineBreak) lastBreak = n;
        if (lastBreak == null) return null;
        StringBuilder tail = new StringBuilder();
        for (Node n = lastBreak.getNext(); n != null; n = n.getNext()) {
            if (!(n instanceof Text t)) return null; // styled runs: not a plain attribution line
            tail.append(t.getLiteral());
        }
        String line = tail.toString();
        if (!line.startsWith("—") && !line.startsWith("–")) return null;
        while (lastBreak.getNext() != null) lastBreak.getNext().unlink();
        lastBreak.unlink();
        return DASHES.matcher(line).replaceFirst("").strip();
    }

    private static final Pattern DASHES = Pattern.compile("^[—–-]{1,2}\\s*");
    /** Link targets a reader may safely click: the web, mail, and places in the report itself. */
    private static final Pattern SAFE_LINK = Pattern.compile("(?i)(https?://[^\\s\\\\<>\"]+|mailto:[^\\s\\\\<>\"/]+@[^\\s\\\\<>\"]+|#[a-z0-9][a-z0-9_-]*)");

    /** Lists, quotes and call-outs inside each other: the deepest real one is 2; layout time grows steeply with depth. */
    public static final int MAX_DEPTH = 5;
    /** Bold inside italic inside a link …: each level is a nested box in the PDF. */
    public static final int MAX_INLINE_DEPTH = 5;
    /** Columns of a table: more do not fit a portrait page (2024 uses at most 6). */
    public static final int MAX_COLUMNS = 10;
    /** Rows of a table. */
    public static final int MAX_ROWS = 300;
    /** Characters of a link target. */
    public static final int MAX_LINK = 2000;
    /** Characters of a line of a ```text block, which is set as written and never wrapped (a CJK character counts 2). */
    public static final int MAX_PREFORMATTED_COLUMNS = 80;
    /** A table's columns cannot shrink below their longest unbreakable word: together these must fit the page. */
    public static final int MAX_TABLE_WORDS = 90;
    private static final String FIGURE_SCHEME = "figure:";
    /** {@code ![caption](lost:)} a figure whose picture the source lost; {@code ![what](lost:text)} words it lost. */
    private static final String LOST_SCHEME = "lost:";

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create(), FootnotesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /** Per-file state: numbering and the problems sink. */
    private static final class Context {
        final String file;
        final String chapterId;
        final Problems problems;
        final Map<String, Integer> footnoteNumbers = new LinkedHashMap<>();
        final Map<String, Integer> definitionLines = new HashMap<>();
        int headings, tables, figures;
        int depth, inlineDepth;
        boolean depthReported;
        int line; // line of the block being converted, for inline problems

        Context(String file, String chapterId, Problems problems) {
            this.file = file;
            this.chapterId = chapterId;
            this.problems = problems;
        }

        void problem(int line, String message) {
            problems.add(file, line, 0, "", message);
        }
    }

    public List<Block> read(String markdown, String file, String chapterId, Problems problems) {
        Context ctx = new Context(file, chapterId, problems);
        Node doc = parser.parse(markdown.replace('\u0000', '\uFFFD')); // CommonMark's own rule for NUL
        List<Block> blocks = new ArrayList<>();
        List<FootnoteDefinition> definitions = new ArrayList<>();
        String pendingCaption = null;
        int pendingCaptionLine = 0;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            int line = lineOf(n);
            ctx.line = line;
            if (n instanceof FootnoteDefinition def) {
                definitions.add(def);
                ctx.definitionLines.put(def.getLabel(), line);
                continue;
            }
            if (pendingCaption != null && !(n instanceof TableBlock)) {
                ctx.problem(pendingCaptionLine, "a \"Table:\" caption line must be directly followed by its table");
                pendingCaption = null;
            }
            if (n instanceof Paragraph p) {
                Matcher cap = TABLE_CAPTION.matcher(plainText(p));
                if (cap.matches()) {
                    pendingCaption = cap.group(1).strip();
                    pendingCaptionLine = line;
                    continue;
                }
            }
            if (n instanceof TableBlock t) {
                blocks.add(table(t, pendingCaption == null ? "" : pendingCaption, ctx));
                pendingCaption = null;
                continue;
            }
            if (n instanceof Heading h) {
                if (h.getLevel() < 2 || h.getLevel() > 4) {
                    ctx.problem(line, "heading level " + h.getLevel() + " (" + "#".repeat(h.getLevel())
                            + "): expected ## to #### — the chapter title itself comes from report.yaml");
                    continue;
                }
                List<Inline> text = inlines(h, ctx);
                checkWords(text, ctx, line);
                blocks.add(new Block.Heading(h.getLevel() - 1, text,
                        ctx.chapterId + "-h" + (++ctx.headings), line));
                continue;
            }
            block(n, ctx).ifPresent(blocks::add);
        }
        if (pendingCaption != null) ctx.problem(pendingCaptionLine, "a \"Table:\" caption line must be directly followed by its table");

        // footnotes: numbered in order of first reference, set at the end of the chapter
        for (FootnoteDefinition def : definitions) {
            Integer number = ctx.footnoteNumbers.get(def.getLabel());
            int line = ctx.definitionLines.get(def.getLabel());
            if (number == null) {
                ctx.problem(line, "footnote [^" + def.getLabel() + "] is defined but never referenced");
                continue;
            }
            ctx.line = line;
            List<Inline> text = new ArrayList<>();
            for (Node c = def.getFirstChild(); c != null; c = c.getNext()) {
                if (!text.isEmpty()) text.add(new Inline.LineBreak());
                text.addAll(inlines(c, ctx));
            }
            checkWords(text, ctx, line);
            blocks.add(new Block.Footnote(number, text, line));
        }
        for (var e : ctx.footnoteNumbers.entrySet()) {
            if (!ctx.definitionLines.containsKey(e.getKey())) {
                ctx.problem(0, "footnote [^" + e.getKey() + "] is referenced but has no definition \"[^" + e.getKey() + "]: …\"");
            }
        }
        return blocks;
    }

    /** Blocks that may appear at any depth (inside list items, quotes, call-outs). */
    private Optional<Block> block(Node n, Context ctx) {
        int line = lineOf(n);
        ctx.line = line;
        if (ctx.depth >= MAX_DEPTH && (n instanceof BulletList || n instanceof OrderedList || n instanceof BlockQuote)) {
            if (!ctx.depthReported) {
                ctx.problem(line, "lists, quotes and call-outs nested " + (ctx.depth + 1) + " deep; at most " + MAX_DEPTH
                        + " levels are allowed (a page cannot indent further); flatten the structure");
                ctx.depthReported = true;
            }
            return Optional.empty();
        }
        ctx.depth++;
        try {
            return blockAtDepth(n, ctx, line);
        } finally {
            ctx.depth--;
        }
    }

    private Optional<Block> blockAtDepth(Node n, Context ctx, int line) {
        if (n instanceof Paragraph p) {
            Optional<Block> figure = figure(p, ctx);
            if (figure.isPresent()) return figure;
            List<Inline> text = inlines(p, ctx);
            checkWords(text, ctx, line);
            return Optional.of(new Block.Paragraph(text, line));
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            List<List<Block>> items = new ArrayList<>();
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                List<Block> content = new ArrayList<>();
                if (item instanceof ListItem) {
                    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) block(c, ctx).ifPresent(content::add);
                }
                items.add(content);
            }
            boolean ordered = n instanceof OrderedList;
            int start = n instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
            return Optional.of(new Block.ListBlock(ordered, start, items, line));
        }
        if (n instanceof BlockQuote q) return Optional.of(quoteOrCallout(q, ctx));
        if (n instanceof FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip();
            if (!info.isEmpty() && !info.equals("math") && !info.equals("text")) {
                ctx.problem(line, "fenced block \"" + info + "\": expected ```math (a formula) or ```text");
            }
            if (info.equals("math")) return Optional.of(formula(code.getLiteral(), line, ctx));
            return Optional.of(preformatted(code.getLiteral(), line, ctx));
        }
        if (n instanceof IndentedCodeBlock code) return Optional.of(preformatted(code.getLiteral(), line, ctx));
        if (n instanceof Heading) {
            ctx.problem(line, "a heading inside a list or quote is not supported; close the list or quote first");
            return Optional.empty();
        }
        if (n instanceof TableBlock t) return Optional.of(table(t, "", ctx));
        ctx.problem(line, "unsupported Markdown block (" + kindName(n) + "); expected a paragraph, heading, list, table, "
                + "quote, call-out, figure reference or ```math block");
        return Optional.empty();
    }

    /** A formula is LaTeX that must parse and fit the page once typeset. */
    private static Block.Formula formula(String literal, int line, Context ctx) {
        String text = literal.strip();
        FormulaRules.check(text, text.isEmpty() ? line : line + leadingBlankLines(literal), ctx.problems, ctx.file);
        return new Block.Formula(text, line);
    }

    private static int leadingBlankLines(String literal) {
        int n = 0;
        for (String l : literal.split("\n", -1)) {
            if (!l.isBlank()) break;
            n++;
        }
        return n;
    }

    /** Preformatted text is set as written: a line too wide for the page would run off it. */
    private static Block.Preformatted preformatted(String literal, int line, Context ctx) {
        String text = literal.stripTrailing();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int cols = lines[i].codePoints().map(cp -> isCjk(cp) ? 2 : 1).sum();
            if (cols > MAX_PREFORMATTED_COLUMNS) {
                ctx.problem(line + 1 + i, "a line of " + cols + " columns in a preformatted block, which is set as written and never wrapped; at most "
                        + MAX_PREFORMATTED_COLUMNS + " fit the page (a Chinese character counts 2); break the line");
                break;
            }
        }
        return new Block.Preformatted(text, line);
    }

    /** Reports a word too long to fit a line: it would run off the page or push a table past it. */
    private static void checkWords(List<Inline> text, Context ctx, int line) {
        String word = TextRules.longWord(Inline.plain(text));
        if (word != null) ctx.problem(line, TextRules.longWordMessage(word));
    }

    private Optional<Block> figure(Paragraph p, Context ctx) {
        Node only = p.getFirstChild();
        if (only instanceof Image img && only.getNext() == null && img.getDestination().startsWith(FIGURE_SCHEME)) {
            String id = img.getDestination().substring(FIGURE_SCHEME.length()).strip();
            String caption = plainText(img).strip();
            return Optional.of(new Block.FigureRef(id, caption, ++ctx.figures, ctx.chapterId + "-fig" + ctx.figures, lineOf(p)));
        }
        if (only instanceof Image img && only.getNext() == null && img.getDestination().startsWith(LOST_SCHEME)) {
            String what = img.getDestination().substring(LOST_SCHEME.length()).strip();
            String caption = plainText(img).strip();
            if (caption.isEmpty()) {
                ctx.problem(lineOf(p), "![](" + img.getDestination() + ") without words: write the lost figure's caption and credit, "
                        + "or what the source lost, between the brackets");
                return Optional.of(new Block.Paragraph(List.of(), lineOf(p)));
            }
            if (what.isEmpty() || what.equals("figure")) return Optional.of(new Block.LostFigure(caption, lineOf(p)));
            if (what.equals("text")) return Optional.of(new Block.LostText(caption, lineOf(p)));
            ctx.problem(lineOf(p), "\"" + img.getDestination() + "\": expected lost: (a figure whose picture is lost) or lost:text (words the source lost)");
            return Optional.of(new Block.LostText(caption, lineOf(p)));
        }
        return Optional.empty();
    }

    private Block quoteOrCallout(BlockQuote q, Context ctx) {
        int line = lineOf(q);
        Node first = q.getFirstChild();
        if (first instanceof Paragraph p) {
            String text = plainText(p);
            int nl = text.indexOf('\n');
            Matcher m = CALLOUT.matcher(nl < 0 ? text : text.substring(0, nl));
            if (m.matches()) {
                List<Block> body = new ArrayList<>();
                List<Inline> rest = inlinesAfterFirstLine(p, ctx);
                if (!rest.isEmpty()) body.add(new Block.Paragraph(rest, line));
                for (Node c = first.getNext(); c != null; c = c.getNext()) block(c, ctx).ifPresent(body::add);
                return new Block.Callout(m.group(1), m.group(2).strip(), body, line);
            }
        }
        List<List<Inline>> paragraphs = new ArrayList<>();
        String attribution = null;
        for (Node c = q.getFirstChild(); c != null; c = c.getNext()) {
            if (!(c instanceof Paragraph p)) {
                ctx.problem(lineOf(c), "a quote holds paragraphs only (found " + kindName(c) + "); use a call-out \"> [!NOTE]\" for richer content");
                continue;
            }
            String text = plainText(p);
            if (c.getNext() == null && DASHES.matcher(text).find() && text.startsWith("—")) {
                attribution = DASHES.matcher(text).replaceFirst("").strip();
                continue;
            }
            if (c.getNext() == null) attribution = splitTrailingAttribution(p);
            List<Inline> runs = inlines(p, ctx);
            checkWords(runs, ctx, lineOf(p));
            paragraphs.add(runs);
        }
        if (paragraphs.isEmpty()) ctx.problem(line, "empty quote: expected the quoted text before the attribution line");
        return new Block.QuoteBlock(paragraphs, Optional.ofNullable(attribution).filter(a -> !a.isEmpty()), line);
    }

    private Block.Table table(TableBlock t, String caption, Context ctx) {
        List<List<Inline>> header = new ArrayList<>();
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) continue;
                List<List<Inline>> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) cells.add(inlines(cell, ctx));
                }
                if (section instanceof TableHead) header = cells;
                else if (section instanceof TableBody) rows.add(cells);
            }
        }
        if (header.size() > MAX_COLUMNS) {
            ctx.problem(lineOf(t), "table has " + header.size() + " columns; at most " + MAX_COLUMNS
                    + " fit a page; split it into two tables or turn it into a dataset");
        }
        if (rows.size() > MAX_ROWS) ctx.problem(lineOf(t), "table has " + rows.size() + " rows; at most " + MAX_ROWS + " are allowed; split it");
        int[] widest = new int[header.size()];
        for (List<List<Inline>> row : java.util.stream.Stream.concat(java.util.stream.Stream.of(header), rows.stream()).toList()) {
            for (int i = 0; i < Math.min(row.size(), widest.length); i++) {
                String plain = Inline.plain(row.get(i));
                String word = TextRules.longWord(plain);
                if (word != null) {
                    ctx.problem(lineOf(t), TextRules.longWordMessage(word));
                    return new Block.Table(caption, ++ctx.tables, header, rows, ctx.chapterId + "-tab" + ctx.tables, lineOf(t));
                }
                widest[i] = Math.max(widest[i], TextRules.longestWord(plain));
            }
        }
        int sum = java.util.Arrays.stream(widest).sum();
        if (sum > MAX_TABLE_WORDS) {
            ctx.problem(lineOf(t), "the table's longest words need " + sum + " characters side by side (one per column); at most "
                    + MAX_TABLE_WORDS + " fit the page width; shorten them or use fewer columns");
        }
        boolean headerEmpty = header.stream().allMatch(c -> Inline.plain(c).isBlank());
        if (headerEmpty) ctx.problem(lineOf(t), "table has an empty header row; give every column a name");
        if (rows.isEmpty()) ctx.problem(lineOf(t), "table has no rows");
        ctx.tables++;
        return new Block.Table(caption, ctx.tables, header, rows, ctx.chapterId + "-tab" + ctx.tables, lineOf(t));
    }

    // ---- inlines ----

    private List<Inline> inlines(Node parent, Context ctx) {
        List<Inline> out = new ArrayList<>();
        if (ctx.inlineDepth > MAX_INLINE_DEPTH) {
            if (!ctx.depthReported) ctx.problem(ctx.line, "bold, italic and links nested " + ctx.inlineDepth + " deep; at most " + MAX_INLINE_DEPTH + " levels are allowed");
            ctx.depthReported = true;
            return out;
        }
        ctx.inlineDepth++;
        try {
            for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) inline(c, out, ctx);
        } finally {
            ctx.inlineDepth--;
        }
        return out;
    }

    private List<Inline> inlinesAfterFirstLine(Paragraph p, Context ctx) {
        List<Inline> out = new ArrayList<>();
        boolean past = false;
        for (Node c = p.getFirstChild(); c != null; c = c.getNext()) {
            if (!past) {
                past = c instanceof SoftLineBreak || c instanceof HardLineBreak;
                continue;
            }
            inline(c, out, ctx);
        }
        return out;
    }

    private void inline(Node n, List<Inline> out, Context ctx) {
        if (n instanceof Text t) {
            String s = t.getLiteral();
            String bad = TextRules.controlCharacter(s);
            if (bad != null) {
                ctx.problem(ctx.line, "contains the control character " + bad + ", which no document format can hold; delete it");
                s = TextRules.withoutControlCharacters(s);
            }
            if (s.contains("**") || s.contains("__")) {
                ctx.problem(ctx.line, "bold markers that cannot close in \"" + YNode.abbreviate(s)
                        + "\": CommonMark does not close ** between Chinese punctuation and a letter; write **标题**：正文 (punctuation outside)");
            }
            if (s.contains("[^")) ctx.problem(ctx.line, "footnote reference without a definition in \"" + YNode.abbreviate(s) + "\"");
            out.add(new Inline.Text(s));
        } else if (n instanceof StrongEmphasis) {
            out.add(new Inline.Strong(inlines(n, ctx)));
        } else if (n instanceof Emphasis) {
            out.add(new Inline.Emphasis(inlines(n, ctx)));
        } else if (n instanceof Link l) {
            String href = l.getDestination() == null ? "" : l.getDestination();
            if (href.length() > MAX_LINK || !SAFE_LINK.matcher(href).matches()) {
                ctx.problem(ctx.line, "link target \"" + YNode.abbreviate(TextRules.visible(href)) + "\" is not allowed; a link goes to https:, http:, mailto: "
                        + "or an anchor in the report (#chapter-id)" + (href.length() > MAX_LINK ? ", in at most " + MAX_LINK + " characters" : ""));
                out.addAll(inlines(n, ctx)); // keep the text, so further problems are still found
            } else {
                out.add(new Inline.Link(href, inlines(n, ctx)));
            }
        } else if (n instanceof Code c) {
            out.add(new Inline.Code(c.getLiteral()));
        } else if (n instanceof SoftLineBreak) {
            // a wrapped source line: Chinese joins without a space, Latin words keep one
            out.add(new Inline.Text(cjkBoundary(n) ? "" : " "));
        } else if (n instanceof HardLineBreak) {
            out.add(new Inline.LineBreak());
        } else if (n instanceof FootnoteReference ref) {
            int number = ctx.footnoteNumbers.computeIfAbsent(ref.getLabel(), k -> ctx.footnoteNumbers.size() + 1);
            out.add(new Inline.FootnoteRef(number));
        } else if (n instanceof HtmlInline html && html.getLiteral().matches("(?i)<br\\s*/?>")) {
            out.add(new Inline.LineBreak());
        } else if (n instanceof HtmlInline html) {
            ctx.problem(ctx.line, "raw HTML " + html.getLiteral() + " is not allowed; write Markdown (footnotes: [^1])");
        } else if (n instanceof Image img) {
            ctx.problem(ctx.line, "image \"" + img.getDestination() + "\": pictures are not embedded; a figure is a paragraph of its own: ![](figure:dataset-id) or ![caption](lost:)");
        } else {
            ctx.problem(ctx.line, "unsupported inline element (" + kindName(n) + ")");
        }
    }

    private static boolean cjkBoundary(Node softBreak) {
        String before = softBreak.getPrevious() instanceof Text t ? t.getLiteral() : "";
        String after = softBreak.getNext() instanceof Text t ? t.getLiteral() : "";
        return (!before.isEmpty() && isCjk(before.codePointBefore(before.length())))
                || (!after.isEmpty() && isCjk(after.codePointAt(0)));
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    // ---- helpers ----

    private static String plainText(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) sb.append(t.getLiteral());
            else if (c instanceof Code code) sb.append(code.getLiteral());
            else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) sb.append('\n');
            else sb.append(plainText(c));
        }
        return sb.toString();
    }

    private static int lineOf(Node n) {
        var spans = n.getSourceSpans();
        if (spans != null && !spans.isEmpty()) return spans.get(0).getLineIndex() + 1;
        return n.getParent() != null ? lineOf(n.getParent()) : 0;
    }

    private static String kindName(Node n) {
        return n.getClass().getSimpleName();
    }
}
