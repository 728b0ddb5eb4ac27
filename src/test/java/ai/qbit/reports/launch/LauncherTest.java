package ai.qbit.reports.launch;

import ai.qbit.reports.cli.Main;
import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The launcher behind {@code mvn exec:java}: which JDK, which class path, the start-up cache, the render's own JVM. */
class LauncherTest {
    @TempDir
    Path tmp;

    private static Path fakeJdk(Path parent, String name, String version) throws Exception {
        Path home = Files.createDirectories(parent.resolve(name));
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void theNewestJdkNewEnoughIsChosenAndJavaHomeFirstWhenNewEnough() throws Exception {
        Path jvms = Files.createDirectories(tmp.resolve("jvm"));
        Path old = fakeJdk(jvms, "java-17", "17.0.15");
        fakeJdk(jvms, "jdk-25.0.9", "25.0.9");
        Path newest = fakeJdk(jvms, "jdk-25.0.10", "25.0.10");
        Files.createDirectories(jvms.resolve("not-a-jdk"));
        assertEquals(newest, new JdkFinder(null, List.of(old), List.of(jvms)).find().home());
        Path preferred = jvms.resolve("jdk-25.0.9");
        assertEquals(preferred, new JdkFinder(null, List.of(old, preferred), List.of(jvms)).find().home());
        assertEquals(25, new JdkFinder(null, List.of(), List.of(jvms)).find().feature());
    }

    @Test
    void aJdkNamedButTooOldOrMissingIsAOneLineError() throws Exception {
        Path old = fakeJdk(tmp, "java-17", "17.0.15");
        JdkFinder.NotFound e = assertThrows(JdkFinder.NotFound.class, () -> new JdkFinder(old.toString(), List.of(), List.of()).find());
        assertTrue(e.getMessage().contains("is Java 17.0.15; the render needs Java 25 or newer"), e.getMessage());
        e = assertThrows(JdkFinder.NotFound.class, () -> new JdkFinder(tmp.resolve("nowhere").toString(), List.of(), List.of()).find());
        assertTrue(e.getMessage().contains("is not a JDK"), e.getMessage());
    }

    @Test
    void noJdkNewEnoughSaysWhatWasFoundAndHowToNameOne() throws Exception {
        Path jvms = Files.createDirectories(tmp.resolve("jvm"));
        fakeJdk(jvms, "java-17", "17.0.15");
        fakeJdk(jvms, "java-8", "1.8.0_402");
        JdkFinder.NotFound e = assertThrows(JdkFinder.NotFound.class, () -> new JdkFinder(null, List.of(), List.of(jvms)).find());
        assertTrue(e.getMessage().startsWith("the render needs Java 25 or newer and none was found (found: "), e.getMessage());
        assertTrue(e.getMessage().contains("= 17.0.15") && e.getMessage().contains("= 1.8.0_402"), e.getMessage());
        assertTrue(e.getMessage().endsWith("-Drender.jdk=/path/to/jdk"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void foldersArePackedOnceAndAgainOnlyWhenAFileChanged() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes/a/b"));
        Files.writeString(classes.resolve("C.class"), "one");
        Files.writeString(tmp.resolve("classes/pack.properties"), "k=v");
        Path lib = Files.writeString(tmp.resolve("lib.jar"), "not read");
        Path dir = tmp.resolve("launch");
        List<Path> cp = ClassPath.jarred(List.of(tmp.resolve("classes"), lib), dir);
        assertEquals(lib, cp.get(1));
        Path jar = cp.get(0);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("one", new String(j.getInputStream(j.getEntry("a/b/C.class")).readAllBytes(), StandardCharsets.UTF_8));
            assertNotNull(j.getEntry("pack.properties"));
        }
        FileTime packed = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(jar, packed);
        assertEquals(cp, ClassPath.jarred(List.of(tmp.resolve("classes"), lib), dir));
        assertEquals(packed, Files.getLastModifiedTime(jar), "an unchanged folder is not packed again (the cache would be thrown away)");
        Files.writeString(classes.resolve("C.class"), "two!");
        ClassPath.jarred(List.of(tmp.resolve("classes"), lib), dir);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals("two!", new String(j.getInputStream(j.getEntry("a/b/C.class")).readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void leftoversOfKilledRunsAreDroppedAfterAnHourAndRecentOnesKept() throws Exception {
        JdkFinder.Jdk jdk = JdkFinder.read(Path.of(System.getProperty("java.home"))).orElseThrow();
        Path dir = Files.createDirectories(tmp.resolve("launch"));
        Path old = Files.writeString(dir.resolve("render-1-2.aotconf.tmp"), "killed");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
        Path running = Files.writeString(dir.resolve("render-3-4.aotconf.tmp"), "another run, recording now");
        StartupCache cache = new StartupCache(dir, jdk, List.of(), List.of());
        List<String> flags = cache.recordFlags();
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(running));
        assertTrue(flags.stream().anyMatch(f -> f.startsWith("-XX:AOTConfiguration=" + dir.resolve("render-" + ProcessHandle.current().pid() + "-"))), flags.toString());
        cache.discard();
    }

    @Test
    void theCacheIsValidOnlyForItsJdkClassPathAndFlags() throws Exception {
        JdkFinder.Jdk jdk = JdkFinder.read(Path.of(System.getProperty("java.home"))).orElseThrow();
        Path lib = Files.writeString(tmp.resolve("lib.jar"), "x");
        Path dir = tmp.resolve("launch");
        StartupCache cache = new StartupCache(dir, jdk, List.of("-XX:+UseSerialGC"), List.of(lib));
        assertFalse(cache.isValid());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("render.aot"), "made");
        Files.writeString(dir.resolve("render.aot.key"), cache.key());
        assertTrue(cache.isValid());
        assertFalse(new StartupCache(dir, jdk, List.of("-XX:+UseParallelGC"), List.of(lib)).isValid(), "other flags");
        Files.writeString(lib, "changed");
        assertFalse(cache.isValid(), "a class path entry changed");
    }

    /** The launcher started as exec:java starts it: a JVM of its own with the test class path and the pom's flags. */
    private static Process launch(Path root, String... props) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Droot=" + root,
                "-Drender.jvm.batch=" + System.getProperty("render.jvm.batch"), "-Drender.jvm.long=" + System.getProperty("render.jvm.long")));
        for (String p : props) cmd.add("-D" + p);
        cmd.add(Launcher.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("RENDER_JDK", System.getProperty("java.home")); // the JDK the tests run on
        return pb.start();
    }

    private record Ran(int code, String out, String err) {
    }

    private static Ran run(Process p) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (java.io.IOException ignored) {
                // the process ended
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the launched render did not end");
        t.join();
        return new Ran(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }

    private static Path project(Path root) throws Exception {
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("assets"), Path.of("assets").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        new MiniModel(root.resolve("seeds")).write();
        return root;
    }

    private static TreeMap<String, byte[]> files(Path dir) throws Exception {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir.toRealPath())) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.toRealPath().relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    private static void assertSameFiles(TreeMap<String, byte[]> expected, TreeMap<String, byte[]> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what);
        for (String k : expected.keySet()) assertArrayEquals(expected.get(k), actual.get(k), what + ": " + k + " differs");
    }

    @Test
    void theRenderJvmWritesWhatAnInProcessRenderWritesAndMakesItsCacheOnce() throws Exception {
        Path here = project(tmp.resolve("here"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(here, "mini", Optional.empty(), true, false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
        TreeMap<String, byte[]> expected = files(here.resolve("output/mini"));

        Path there = project(tmp.resolve("there"));
        Ran first = run(launch(there, "report=mini"));
        assertEquals(0, first.code(), first.out() + first.err());
        assertEquals("", first.err());
        assertTrue(first.out().contains("start-up cache: this run records what it loads"), first.out());
        assertTrue(first.out().contains("start-up cache: target/launch/render.aot made in"), first.out());
        assertTrue(first.out().contains("written to output/mini"), first.out());
        assertFalse(first.out().contains("AOTConfiguration"), "the JVM's own note on the recording is not passed on: " + first.out());
        assertSameFiles(expected, files(there.resolve("output/mini")), "the first launched run (recording the cache)");
        Path launchDir = there.resolve("target/launch");
        assertTrue(Files.size(launchDir.resolve("render.aot")) > 1_000_000);
        try (Stream<Path> s = Files.list(launchDir)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(), "no temporary file left");
        }

        Ran printed = run(launch(there, "report=mini", "render.print=true"));
        String cmd = printed.out().strip();
        assertTrue(cmd.contains(" -XX:AOTCache=" + launchDir.resolve("render.aot") + " "), cmd);
        assertFalse(cmd.contains("AOTMode=record"), cmd);
        assertTrue(cmd.contains(" " + System.getProperty("render.jvm.batch") + " "), cmd);
        assertTrue(cmd.contains(" -Dreport=mini ") && cmd.endsWith(" " + Main.class.getName()), cmd);
        assertFalse(cmd.contains("-Duser.dir") || cmd.contains("-Djava.home"), "only the render's own properties are passed on: " + cmd);

        Ran second = run(launch(there, "report=mini"));
        assertEquals(0, second.code(), second.out() + second.err());
        assertFalse(second.out().contains("start-up cache"), second.out());
        assertSameFiles(expected, files(there.resolve("output/mini")), "a launched run from the cache");

        String watch = run(launch(there, "report=mini", "watch=true", "render.print=true")).out().strip();
        assertTrue(watch.contains(" " + System.getProperty("render.jvm.long") + " -XX:AOTCache="), "watch mode runs long: full tiers " + watch);
        assertFalse(watch.substring(0, watch.indexOf(" -cp ")).contains("TieredStopAtLevel"), watch);
    }

    @Test
    void aFailedRunPassesItsExitCodeAndErrorOnAndLeavesNoCache() throws Exception {
        Path root = project(tmp.resolve("p"));
        Ran r = run(launch(root, "report=nope"));
        assertEquals(2, r.code());
        assertEquals("error: no report \"nope\" in seeds/. Reports in seeds/: mini", r.err().strip());
        assertFalse(Files.exists(root.resolve("target/launch/render.aot")));
        try (Stream<Path> s = Files.list(root.resolve("target/launch"))) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList(), "a failed run's recording is dropped");
        }

        Ran noJdk = run(launch(root, "report=mini", "render.jdk=" + root.resolve("no-jdk")));
        assertEquals(2, noJdk.code());
        assertEquals("error: render.jdk=" + root.resolve("no-jdk") + " is not a JDK (no bin/java and release file there)", noJdk.err().strip());
    }
}
