package ai.qbit.reports.load;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Templates;
import ai.qbit.reports.render.brief.BriefWriter;
import ai.qbit.reports.render.deck.DeckTemplate;
import ai.qbit.reports.render.deck.DeckWriter;
import ai.qbit.reports.render.pdf.ReportPdfWriter;
import ai.qbit.reports.support.Rendered;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random damage to every real model under seeds/, seeded: each case ends in a clean validation error that names the
 * damaged file and a line, or in a successful render (of the chapter the damage touched) whose outputs are read back
 * — fonts embedded, a sane page count, inserted text printed as written — never in an uncaught exception or a hang.
 * {@code -Dmutations=N} sets the number of cases in all (default 150; {@code mvn verify -Pstress} runs 1,000),
 * shared evenly among the reports.
 */
class MutationTest {
    static final long SEED = 20241213L;
    static final int MUTATIONS = Integer.getInteger("mutations", 150);
    static final String[] ODD = {"<", "&", "\"", "'", "<b>不是标签</b>", "&amp;", "]]>", "<!ENTITY x SYSTEM \"file:///etc/passwd\">",
            "😀🚀", "𠀀𠀁𪚥", "مرحبا بالعالم", "\u0001", "\u200B", "%s%n", "\\", "**", "[^x]", "|", "`",
            "https://example.com/" + "a".repeat(300), "超".repeat(400), "\t", "${report}", "[(${t.primary()})]", "<script>", "{", "}", "{0"};
    /** Inserted text that must print as written wherever it lands inside a printed value (no markup, no template). */
    static final Set<String> LITERAL = Set.of("&", "\"", "'", "${report}", "[(${t.primary()})]", "%s%n", "]]>", "<", "{0");
    static final java.util.concurrent.atomic.AtomicInteger PRINT_CHECKED = new java.util.concurrent.atomic.AtomicInteger();
    static final String[] ODD_VALUES = {"NaN", "1e999", "-5", "99999999999999999999999", "\"\"", "[1, 2]", "{a: b}", "null", "超", "0", "1/0"};

    @TempDir
    Path tmp;

    /** @param printed text that must appear in the outputs when the case renders, or null */
    record Mutation(String description, Path file, String printed) {
    }

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void randomMutationsEndCleanly(String id) throws Exception {
        int cases = Math.max(1, (MUTATIONS + Rendered.ids().size() - 1) / Rendered.ids().size());
        Path original = Path.of("seeds", id);
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> s = Files.walk(original)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/sources/")).toList()) {
                files.put(original.relativize(p).toString(), Files.readString(p));
            }
        }
        List<String> names = new ArrayList<>(files.keySet());
        names.sort(null);
        Random random = new Random(SEED + id.hashCode());
        Templates templates = new Templates(Path.of("templates"));
        int invalid = 0, rendered = 0;
        long slowest = 0;
        String slowestCase = "";
        for (int i = 0; i < cases; i++) {
            Path dir = tmp.resolve("case" + i).resolve(id);
            Files.createDirectories(dir);
            String name = names.get(random.nextInt(names.size()));
            // only the damaged file is a copy; the rest are hard links to the real model (a symbolic link leaving
            // the report folder is refused by the loader's sandbox)
            try (Stream<Path> src = Files.list(original.resolve("sources"))) {
                Files.createDirectories(dir.resolve("sources"));
                for (Path p : src.toList()) link(dir.resolve("sources").resolve(p.getFileName().toString()), p);
            }
            for (String f : names) {
                Path p = dir.resolve(f);
                Files.createDirectories(p.getParent());
                if (f.equals(name)) Files.writeString(p, files.get(f));
                else link(p, original.resolve(f));
            }
            Mutation m = mutate(dir.resolve(name), name, random);
            long t0 = System.nanoTime();
            String outcome = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> run(id, dir, m, templates), m.description());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > slowest) {
                slowest = ms;
                slowestCase = m.description();
            }
            if (outcome.equals("invalid")) invalid++;
            else rendered++;
            deleteTree(dir.getParent());
        }
        System.out.printf("mutations of %s: %d invalid (clean errors), %d rendered, slowest case %d ms (%s); %d rendered cases so far had inserted text checked%n",
                id, invalid, rendered, slowest, slowestCase, PRINT_CHECKED.get());
        assertTrue(invalid >= cases / 10 && rendered >= cases / 20, "both outcomes exercised: " + invalid + " / " + rendered);
    }

    private static void link(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (IOException | UnsupportedOperationException e) { // another file system: copy
            Files.copy(existing, link);
        }
    }

    private static String run(String id, Path dir, Mutation m, Templates templates) {
        Report report;
        String display = "seeds/" + id + "/" + dir.relativize(m.file());
        try {
            report = new ReportLoader(Path.of("assets")).load(dir);
        } catch (ModelException e) {
            assertTrue(!e.problems().isEmpty());
            // the damaged file at a line; or, when a chapter lost its only figure reference, the dataset it showed
            boolean named = e.problems().stream().anyMatch(p -> p.file().equals(display) && p.line() > 0)
                    || e.problems().stream().allMatch(p -> p.message().startsWith("no chapter shows this dataset"));
            assertTrue(named, m.description() + " → no problem names " + display + " and a line:\n" + e.getMessage());
            return "invalid";
        } catch (RuntimeException e) {
            fail(m.description() + " → uncaught " + e, e);
            return "";
        }
        try {
            Report slice = slice(report, m.file().getFileName().toString(), m.printed());
            var pdf = new ReportPdfWriter(templates).write(slice);
            var deck = new DeckWriter().write(slice, DeckTemplate.builtIn(slice.theme()));
            var briefs = new BriefWriter(templates).write(slice, pdf.pageLabels());
            StringBuilder text = new StringBuilder();
            try (PDDocument doc = Loader.loadPDF(pdf.pdf())) {
                assertTrue(doc.getNumberOfPages() >= 3 && doc.getNumberOfPages() <= 80, m.description() + " → " + doc.getNumberOfPages() + " pages");
                for (PDPage page : doc.getPages()) {
                    for (COSName f : page.getResources().getFontNames()) {
                        assertTrue(page.getResources().getFont(f).isEmbedded(), m.description() + " → font not embedded: " + f);
                    }
                }
                text.append(new PDFTextStripper().getText(doc));
            }
            try (XMLSlideShow show = new XMLSlideShow(new ByteArrayInputStream(deck.pptx()))) {
                for (XSLFSlide slide : show.getSlides()) {
                    for (XSLFShape shape : slide.getShapes()) if (shape instanceof XSLFTextShape t) text.append(t.getText());
                }
            }
            briefs.markdown().values().forEach(text::append);
            if (m.printed() != null) {
                String all = text.toString().replaceAll("\\s+", "");
                assertTrue(all.contains(m.printed().replaceAll("\\s+", "")), m.description() + " → \"" + m.printed() + "\" is not in the outputs");
                PRINT_CHECKED.incrementAndGet();
            }
        } catch (Exception | Error e) {
            if (e instanceof org.opentest4j.AssertionFailedError a) throw a;
            fail(m.description() + " → render failed: " + e, e);
        }
        return "rendered";
    }

    /** YAML fields whose value is printed as written (a series name is not: a one-series chart has no legend). */
    private static final Pattern PRINTED_FIELD = Pattern.compile("^\\s*(?:- )?(title|tagline|label|text|by|kicker|source|note|subtitle): ");

    /**
     * The text an insertion must print as written: a literal token put strictly inside the value of a printed YAML
     * field, or inside a plain prose line of a chapter (outside links, code and figure references); else null.
     */
    static String expectedPrint(String name, String line, int pos, String odd) {
        if (!LITERAL.contains(odd)) return null;
        if (name.endsWith(".yaml")) {
            Matcher f = PRINTED_FIELD.matcher(line);
            if (!f.find() || pos <= f.end() || line.substring(f.end()).matches("^[\"'>|\\[{&*!%@`#].*")) return null;
            if (line.substring(f.end(), pos).contains(" #") || line.substring(pos).contains(" #")) return null; // a comment
            return odd;
        }
        if (!name.endsWith(".md") || !line.matches("^[\\p{IsHan}A-Za-z（“].*") || line.contains("](") || line.contains("`")
                || line.contains("[^") || line.contains("*") || line.contains("\\") || line.contains("<") || line.contains("&")
                || line.startsWith("Table")) return null;
        return odd.equals("<") || odd.equals("&") ? null : odd; // "<" and "&" next to letters may start markup
    }

    /** The report cut down to the chapter the damaged file belongs to, or that shows the damaged dataset, or the first. */
    /** The chapter the damage touches (by file, by dataset, or, in report.yaml, by the text it put in a chapter's fields). */
    private static Report slice(Report r, String fileName, String printed) {
        boolean manifest = fileName.equals("report.yaml") && printed != null && !printed.isBlank();
        String stem = fileName.replaceFirst("\\.[a-z]+$", "");
        Part keep = r.parts().get(0);
        Chapter only = keep.chapters().get(0);
        for (Part p : r.parts()) {
            for (Chapter c : p.chapters()) {
                boolean shows = c.figureIds().contains(stem) || c.body().stream()
                        .anyMatch(b -> b instanceof ai.qbit.reports.model.Block.FigureRef f && f.datasetId().equals(stem));
                boolean holds = manifest && c.toString().contains(printed);
                if (c.file().file().endsWith(fileName) || shows || holds) {
                    keep = p;
                    only = c;
                }
            }
        }
        Part part = new Part(keep.id(), keep.number(), keep.label(), keep.title(), List.of(only));
        List<Chapter> front = new ArrayList<>();
        for (Chapter c : r.front()) if (c.file().file().endsWith(fileName) || manifest && c.toString().contains(printed)) front.add(c);
        List<Chapter> back = new ArrayList<>();
        for (Chapter c : r.back()) if (c.file().file().endsWith(fileName) || manifest && c.toString().contains(printed)) back.add(c);
        return new Report(r.id(), r.title(), r.subtitle(), r.publisher(), r.author(), r.date(), r.language(), r.keywords(),
                r.theme(), r.lang(), r.numbering(), r.deckKinds(), r.briefKinds(), front, List.of(part), back, r.datasets());
    }

    private static Mutation mutate(Path file, String name, Random random) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(Math.max(1, lines.size()));
        String line = lines.get(at);
        String what;
        String printed = null;
        switch (random.nextInt(7)) {
            case 0 -> { // drop a line (a field, an item, a paragraph)
                lines.remove(at);
                what = "drop line " + (at + 1);
            }
            case 1 -> { // change a value's type
                int colon = line.indexOf(": ");
                String v = ODD_VALUES[random.nextInt(ODD_VALUES.length)];
                lines.set(at, colon > 0 ? line.substring(0, colon + 2) + v : line + " " + v);
                what = "value → " + v + " at line " + (at + 1);
            }
            case 2 -> { // empty a list
                int colon = line.indexOf(":");
                lines.set(at, colon > 0 ? line.substring(0, colon + 1) + " []" : "");
                what = "empty list at line " + (at + 1);
            }
            case 3, 4 -> { // odd characters in text; half the time a literal one inside printed text, to be found in the outputs
                String odd = ODD[random.nextInt(ODD.length)];
                int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                if (random.nextBoolean()) {
                    String literal = LITERAL.stream().sorted().toList().get(random.nextInt(LITERAL.size()));
                    List<Integer> printedLines = new ArrayList<>();
                    for (int k = 0; k < lines.size(); k++) {
                        String l = lines.get(k);
                        if (l.length() > 2 && expectedPrint(name, l, l.length() - 1, literal) != null) printedLines.add(k);
                    }
                    if (!printedLines.isEmpty()) {
                        at = printedLines.get(random.nextInt(printedLines.size()));
                        line = lines.get(at);
                        odd = literal;
                        pos = line.length() - 1 - random.nextInt(Math.max(1, Math.min(5, line.length() / 3)));
                        // not between a surrogate pair, nor right after a space (a word may start markup there)
                        while (pos > 0 && (Character.isLowSurrogate(line.charAt(pos)) || line.charAt(pos - 1) == ' ')) pos--;
                    }
                }
                lines.set(at, line.substring(0, pos) + odd + line.substring(pos));
                what = "insert " + odd.replace("\u0001", "\\u0001") + " at " + (at + 1) + ":" + pos;
                printed = expectedPrint(name, line, pos, odd);
            }
            case 5 -> { // truncate the file
                int cut = random.nextInt(Math.max(1, text.length()));
                Files.writeString(file, text.substring(0, cut));
                return new Mutation(name + ": truncate at char " + cut, file, null);
            }
            default -> { // a block the model does not know
                String[] blocks = {"<div>html</div>", "---", "![图](picture.png)", "# 一级标题", "[^9]", "##### 太深", "```python\nprint(1)\n```", "> [!WARNING] 未知"};
                String b = blocks[random.nextInt(blocks.length)];
                lines.add(at, "\n" + b + "\n");
                what = "insert block " + b + " at " + (at + 1);
            }
        }
        Files.writeString(file, String.join("\n", lines));
        return new Mutation(name + ": " + what, file, printed);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
