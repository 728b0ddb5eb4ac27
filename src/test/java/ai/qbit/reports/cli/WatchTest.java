package ai.qbit.reports.cli;

import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -Dwatch=true: what a change re-renders, a broken edit reported with file:line while the last good PDF stays. */
class WatchTest {
    @TempDir
    Path tmp;

    private Report load(MiniModel m) {
        return new ReportLoader(MiniModel.assets()).load(m.write());
    }

    @Test
    void anEditTouchesOnlyTheArtifactsThatShowTheChapter() {
        MiniModel m = new MiniModel(tmp);
        Report before = load(m);
        Report preface = load(m.edit("chapters/00-preface.md", "序言正文", "改过的序言正文"));
        assertEquals(EnumSet.of(Watch.Artifact.PDF), Watch.byChapters(before, preface), "the preface is in neither deck nor briefs");
        Report trend = load(m.edit("chapters/01-apps.md", "紧随其后", "紧随其后，增长最快"));
        assertEquals(EnumSet.allOf(Watch.Artifact.class), Watch.byChapters(preface, trend));
        assertEquals(EnumSet.noneOf(Watch.Artifact.class), Watch.byChapters(trend, load(m)), "an unchanged model renders nothing");
        Report retitled = load(m.edit("report.yaml", "title: 迷你报告", "title: 迷你报告二"));
        assertEquals(EnumSet.allOf(Watch.Artifact.class), Watch.byChapters(trend, retitled));
    }

    @Test
    void editorScratchFilesAreNotChanges() {
        for (String s : new String[]{".01-apps.md.swp", "01-apps.md~", "4913", "sedAb12Cd", "#01-apps.md#"}) {
            assertTrue(Watch.editorScratch(s), s);
        }
        assertFalse(Watch.editorScratch("01-apps.md"));
        assertFalse(Watch.editorScratch("report.css"));
    }

    @Test
    void rendersAgainOnSaveAndKeepsTheLastGoodPdfOnABrokenEdit() throws Exception {
        Path root = tmp.resolve("project");
        Files.createDirectories(root.resolve("seeds"));
        MiniModel m = new MiniModel(root.resolve("seeds"));
        m.write();
        Files.createSymbolicLink(root.resolve("assets"), MiniModel.assets());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Watch w = new Watch(root, "mini", Optional.empty(), false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Thread t = new Thread(w::run, "watch-test");
        t.start();
        try {
            Path pdf = root.resolve("output/mini/report.pdf");
            await(() -> Files.exists(pdf) && text(out).contains("up to date"), "the first render");
            byte[] first = Files.readAllBytes(pdf);
            FileTime firstTime = Files.getLastModifiedTime(pdf);

            m.edit("chapters/00-preface.md", "序言正文", "改过的序言正文").write(); // the PDF only
            await(() -> text(out).split("up to date", -1).length > 2, "the render after the edit");
            assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(pdf)), "the edit is in the new PDF");
            byte[] good = Files.readAllBytes(pdf);

            m.edit("chapters/01-apps.md", "紧随其后", "紧随其后😀").write();
            await(() -> text(err).contains("01-apps.md:"), "the error");
            assertTrue(text(err).contains("seeds/mini/chapters/01-apps.md:3:"), text(err));
            Thread.sleep(200);
            assertArrayEquals(good, Files.readAllBytes(pdf), "the last good PDF stays");
            assertTrue(Files.getLastModifiedTime(pdf).compareTo(firstTime) >= 0);
        } finally {
            w.stop();
            t.join(10_000);
        }
        assertFalse(t.isAlive(), "stop() ends the watch");
        assertTrue(text(out).contains("watch ended"));
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
