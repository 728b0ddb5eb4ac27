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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random damage to every real model under seeds/, seeded: each case ends in a clean validation error that names a
 * file, or in a successful render (of the chapter the damage touched) — never in an uncaught exception or a hang.
 * {@code -Dmutations=N} sets the number of cases in all (default 150; {@code mvn verify -Pstress} runs 1,000),
 * shared evenly among the reports.
 */
class MutationTest {
    static final long SEED = 20241213L;
    static final int MUTATIONS = Integer.getInteger("mutations", 150);
    static final String[] ODD = {"<", "&", "\"", "'", "<b>不是标签</b>", "&amp;", "]]>", "<!ENTITY x SYSTEM \"file:///etc/passwd\">",
            "😀🚀", "𠀀𠀁𪚥", "مرحبا بالعالم", "\u0001", "\u200B", "%s%n", "\\", "**", "[^x]", "|", "`",
            "https://example.com/" + "a".repeat(300), "超".repeat(400), "\t", "${report}", "[(${t.primary()})]", "<script>", "{", "}", "{0"};
    static final String[] ODD_VALUES = {"NaN", "1e999", "-5", "99999999999999999999999", "\"\"", "[1, 2]", "{a: b}", "null", "超", "0", "1/0"};

    @TempDir
    Path tmp;

    record Mutation(String description, Path file) {
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
        for (int i = 0; i < cases; i++) {
            Path dir = tmp.resolve("case" + i).resolve(id);
            Files.createDirectories(dir);
            Files.createSymbolicLink(dir.resolve("sources"), original.resolve("sources").toAbsolutePath());
            String name = names.get(random.nextInt(names.size()));
            for (String f : names) {
                // the damaged file is a copy, and so is a theme (the loader refuses a theme linked from outside the
                // report folder); the rest link to the real model
                Path p = dir.resolve(f);
                Files.createDirectories(p.getParent());
                if (f.equals(name) || f.startsWith("themes/")) Files.writeString(p, files.get(f));
                else Files.createSymbolicLink(p, original.resolve(f).toAbsolutePath());
            }
            Mutation m = mutate(dir.resolve(name), name, random);
            long t0 = System.nanoTime();
            String outcome = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(id, dir, m, templates), m.description());
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
            if (outcome.equals("invalid")) invalid++;
            else rendered++;
            deleteTree(dir.getParent());
        }
        System.out.printf("mutations of %s: %d invalid (clean errors), %d rendered, slowest case %d ms%n", id, invalid, rendered, slowest);
        assertTrue(invalid >= cases / 10 && rendered >= cases / 20, "both outcomes exercised: " + invalid + " / " + rendered);
    }

    private static String run(String id, Path dir, Mutation m, Templates templates) {
        Report report;
        try {
            report = new ReportLoader(Path.of("assets")).load(dir);
        } catch (ModelException e) {
            assertTrue(e.getMessage().contains("seeds/" + id + "/"), m.description() + " → message names no file: " + e.getMessage());
            assertTrue(!e.problems().isEmpty());
            return "invalid";
        } catch (RuntimeException e) {
            fail(m.description() + " → uncaught " + e, e);
            return "";
        }
        try {
            Report slice = slice(report, m.file().getFileName().toString());
            var pdf = new ReportPdfWriter(templates).write(slice);
            new DeckWriter().write(slice, DeckTemplate.builtIn(slice.theme()));
            new BriefWriter(templates).write(slice, pdf.pageLabels());
        } catch (Exception | Error e) {
            fail(m.description() + " → render failed: " + e, e);
        }
        return "rendered";
    }

    /** The report cut down to the chapter the damaged file belongs to, or that shows the damaged dataset, or the first. */
    private static Report slice(Report r, String fileName) {
        String stem = fileName.replaceFirst("\\.[a-z]+$", "");
        Part keep = r.parts().get(0);
        Chapter only = keep.chapters().get(0);
        for (Part p : r.parts()) {
            for (Chapter c : p.chapters()) {
                boolean shows = c.figureIds().contains(stem) || c.body().stream()
                        .anyMatch(b -> b instanceof ai.qbit.reports.model.Block.FigureRef f && f.datasetId().equals(stem));
                if (c.file().file().endsWith(fileName) || shows) {
                    keep = p;
                    only = c;
                }
            }
        }
        Part part = new Part(keep.id(), keep.number(), keep.label(), keep.title(), List.of(only));
        List<Chapter> front = new ArrayList<>();
        for (Chapter c : r.front()) if (c.file().file().endsWith(fileName)) front.add(c);
        return new Report(r.id(), r.title(), r.subtitle(), r.publisher(), r.author(), r.date(), r.language(), r.keywords(),
                r.theme(), r.lang(), r.numbering(), r.deckKinds(), r.briefKinds(), front, List.of(part), List.of(), r.datasets());
    }

    private static Mutation mutate(Path file, String name, Random random) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(Math.max(1, lines.size()));
        String line = lines.get(at);
        String what;
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
            case 3, 4 -> { // odd characters in text
                String odd = ODD[random.nextInt(ODD.length)];
                int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                lines.set(at, line.substring(0, pos) + odd + line.substring(pos));
                what = "insert " + odd.replace("\u0001", "\\u0001") + " at " + (at + 1) + ":" + pos;
            }
            case 5 -> { // truncate the file
                int cut = random.nextInt(Math.max(1, text.length()));
                Files.writeString(file, text.substring(0, cut));
                return new Mutation(name + ": truncate at char " + cut, file);
            }
            default -> { // a block the model does not know
                String[] blocks = {"<div>html</div>", "---", "![图](picture.png)", "# 一级标题", "[^9]", "##### 太深", "```python\nprint(1)\n```", "> [!WARNING] 未知"};
                String b = blocks[random.nextInt(blocks.length)];
                lines.add(at, "\n" + b + "\n");
                what = "insert block " + b + " at " + (at + 1);
            }
        }
        Files.writeString(file, String.join("\n", lines));
        return new Mutation(name + ": " + what, file);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
