package ai.qbit.reports.cli;

import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as an analyst meets it: arguments, exit codes, messages, and what is left on disk. */
class MainTest {
    @TempDir
    Path root;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    MiniModel mini;

    @BeforeEach
    void project() throws Exception {
        Files.createSymbolicLink(root.resolve("assets"), Path.of("assets").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        mini = new MiniModel(root.resolve("seeds"));
        mini.write();
    }

    int run(String report, Optional<Path> template) {
        out.reset();
        err.reset();
        return Main.run(root, report, template, false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Map<String, String> hashes() throws Exception {
        Map<String, String> h = new TreeMap<>();
        Path dir = root.resolve("output/mini").toRealPath(); // a link to the current version, .mini.v<N>
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                h.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return h;
    }

    @Test
    void buildsEveryArtifactAndLogsOneLineEach() throws Exception {
        assertEquals(0, run("mini", Optional.empty()), err());
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("report.pdf") && log.contains("pages"), log);
        assertTrue(log.contains("deck.pptx") && log.contains("slides"), log);
        assertTrue(log.contains("briefs"), log);
        Map<String, String> files = hashes();
        assertTrue(files.keySet().containsAll(java.util.List.of("report.pdf", "deck.pptx", "briefs/01-apps.pdf", "briefs/01-apps.md", "briefs/briefs.pdf")), files.toString());
        assertFalse(files.keySet().stream().anyMatch(f -> f.contains(".staging")), "no staging left behind");
        try (Stream<Path> s = Files.list(root.resolve("output"))) {
            assertEquals(java.util.Set.of("mini", ".mini.lock", Files.readSymbolicLink(root.resolve("output/mini")).toString()),
                    s.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void twoRunsGiveIdenticalBytes() throws Exception {
        assertEquals(0, run("mini", Optional.empty()), err());
        Map<String, String> first = hashes();
        assertEquals(0, run("mini", Optional.empty()), err());
        assertEquals(first, hashes());
    }

    @Test
    void aBrokenModelExitsTwoAndLeavesThePreviousOutputsUntouched() throws Exception {
        assertEquals(0, run("mini", Optional.empty()), err());
        Map<String, String> good = hashes();
        mini.edit("datasets/dau.yaml", "chart: hbar", "chart: radar").write();
        assertEquals(2, run("mini", Optional.empty()));
        assertTrue(err().contains("seeds/mini/datasets/dau.yaml:3:8: chart: unknown chart type \"radar\""), err());
        assertFalse(err().contains("\tat "), "no stack trace: " + err());
        assertEquals(good, hashes());
    }

    @Test
    void aFailureWhileRenderingExitsOneAndLeavesThePreviousOutputsUntouched() throws Exception {
        assertEquals(0, run("mini", Optional.empty()), err());
        Map<String, String> good = hashes();
        // a template that cannot be parsed fails the PDF writer after the model was accepted
        Path templates = root.resolve("templates");
        Files.delete(templates);
        Files.createDirectories(templates.resolve("pdf"));
        try (Stream<Path> s = Files.list(Path.of("templates"))) {
            for (Path d : s.toList()) {
                if (!Files.isDirectory(d)) continue;
                Files.createDirectories(templates.resolve(d.getFileName().toString()));
                try (Stream<Path> f = Files.list(d)) {
                    for (Path file : f.toList()) Files.copy(file, templates.resolve(d.getFileName().toString()).resolve(file.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(templates.resolve("pdf/report.html"), "<html><body><p>unclosed</body></html>");
        assertEquals(1, run("mini", Optional.empty()));
        assertTrue(err().contains("rendering failed") && err().contains("previous outputs are unchanged"), err());
        assertFalse(err().contains("\tat ") || err().lines().count() > 1, "one line, no stack trace: " + err());
        assertEquals(good, hashes());
    }

    @Test
    void unknownAndPathLikeReportIdsAreRefusedWithTheList() {
        assertEquals(2, run("2023", Optional.empty()));
        assertTrue(err().contains("no report \"2023\"") && err().contains("Reports in seeds/: mini"), err());
        assertEquals(2, run("../x", Optional.empty()));
        assertTrue(err().contains("not a plain report name"), err());
        assertEquals(2, run("/etc", Optional.empty()));
        assertEquals(2, run(null, Optional.empty()));
        assertTrue(err().contains("-Dreport=<id>"), err());
    }

    @Test
    void anUnwritableOutputFolderIsAClearError() throws Exception {
        Files.writeString(root.resolve("output"), "a file where the folder should be");
        assertEquals(1, run("mini", Optional.empty()));
        assertTrue(err().contains("cannot write the outputs: cannot create the output folder") && err().contains("output/mini had no outputs before this run and has none now"), err());
    }

    @Test
    void aReportFolderLinkedFromOutsideTheProjectIsBuiltOnlyWhenAllowed() throws Exception {
        Path elsewhere = Files.createDirectories(root.getParent().resolve(root.getFileName() + "-elsewhere"));
        try {
            Files.move(mini.dir, elsewhere.resolve("mini"));
            Files.createSymbolicLink(mini.dir, elsewhere.resolve("mini"));
            assertEquals(2, run("mini", Optional.empty()));
            assertTrue(err().contains("seeds/mini is a link to " + elsewhere.toRealPath().resolve("mini") + ", outside the project")
                    && err().contains("-Dallow.outside=true"), err());
            // allowed, it is read like any report (broken here, so the run stops at the model)
            Files.writeString(elsewhere.resolve("mini/datasets/dau.yaml"), MiniModel.DATASET.replace("chart: hbar", "chart: radar"));
            out.reset();
            err.reset();
            assertEquals(2, Main.run(root, "mini", Optional.empty(), false, true, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)));
            assertTrue(err().contains("seeds/mini/datasets/dau.yaml:3:8: chart: unknown chart type"), err());
        } finally {
            try (Stream<Path> s = Files.walk(elsewhere)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** A report's own template that is not well-formed XHTML: one line naming the problem, nothing else on stderr. */
    @Test
    void aBrokenTemplateIsOneLineOfError() {
        mini.put("templates/pdf/report.html", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>a &nbsp; b</p></body></html>").write();
        java.io.PrintStream saved = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = run("mini", Optional.empty());
        } finally {
            System.setErr(saved);
        }
        assertTrue(code != 0, "exit code " + code);
        assertEquals("", stray.toString(StandardCharsets.UTF_8), "printed besides the error message");
        assertEquals(1, err().strip().lines().count(), err());
        assertTrue(err().contains("nbsp"), err());
    }

    @Test
    void aMissingDeckTemplateIsAnArgumentError() {
        assertEquals(2, run("mini", Optional.of(root.resolve("nope.pptx"))));
        assertTrue(err().contains("deck template") && err().contains("does not exist"), err());
    }
}
