package ai.qbit.reports.cli;

import ai.qbit.reports.support.MiniModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same model gives the same bytes on every machine: the command line runs in separate JVMs under other time
 * zones and locales (TZ, LANG — and so the default charset) and every output is compared byte for byte with a run
 * in this JVM. With -Dstress=true (or the stress profile's -Dmutations=1000) all five settings of issue 14 run, on
 * the mini model and on seeds/2024.
 */
class DeterminismTest {
    @TempDir
    Path root;

    record Setting(String tz, String lang) {
    }

    static boolean stress() {
        return Boolean.getBoolean("stress") || Integer.getInteger("mutations", 0) >= 1000;
    }

    @Test
    void everyOutputHasTheSameBytesInOtherTimeZonesAndLocales() throws Exception {
        Files.createSymbolicLink(root.resolve("assets"), Path.of("assets").toAbsolutePath());
        Files.createSymbolicLink(root.resolve("templates"), Path.of("templates").toAbsolutePath());
        new MiniModel(root.resolve("seeds")).write();
        List<String> reports = new ArrayList<>(List.of("mini"));
        if (stress()) {
            copy(Path.of("seeds/2024"), root.resolve("seeds/2024")); // a copy: a link out of the project is refused
            reports.add("2024");
        }
        List<Setting> settings = stress()
                ? List.of(new Setting("UTC", "C"), new Setting("Asia/Shanghai", "zh_CN.UTF-8"), new Setting("America/Los_Angeles", "en_US.UTF-8"),
                new Setting("UTC", "zh_CN.UTF-8"), new Setting("America/Los_Angeles", "C"))
                : List.of(new Setting("Asia/Shanghai", "zh_CN.UTF-8"), new Setting("America/Los_Angeles", "C"));
        for (String report : reports) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, Main.run(root, report, Optional.empty(), true, false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
            Map<String, String> here = hashes(root.resolve("output").resolve(report));
            assertTrue(here.size() >= 5, here.toString());
            // each setting in its own project root, all at once: a JVM spends most of its first seconds starting up
            List<Process> running = new ArrayList<>();
            List<Path> roots = new ArrayList<>();
            for (int i = 0; i < settings.size(); i++) {
                Path other = Files.createDirectories(root.resolve("elsewhere-" + report + "-" + i));
                for (String link : List.of("assets", "templates")) Files.createSymbolicLink(other.resolve(link), root.resolve(link).toRealPath());
                Files.createDirectories(other.resolve("seeds"));
                copy(root.resolve("seeds").resolve(report).toRealPath(), other.resolve("seeds").resolve(report));
                roots.add(other);
                running.add(start(other, report, settings.get(i)));
            }
            for (int i = 0; i < settings.size(); i++) {
                Setting s = settings.get(i);
                String log = finish(running.get(i));
                Map<String, String> there = hashes(roots.get(i).resolve("output").resolve(report));
                assertEquals(here, there, report + " under TZ=" + s.tz() + " LANG=" + s.lang() + ": outputs differ\n" + log);
            }
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }

    /** The command line in a fresh JVM with the given TZ and LANG (and the Java locale they stand for). */
    private static Process start(Path root, String report, Setting s) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Droot=" + root, "-Dreport=" + report));
        // when the C library lacks the locale, the JVM would fall back to POSIX: name the Java locale as well
        String[] langCountry = s.lang().replaceFirst("\\..*", "").split("_");
        if (langCountry.length == 2) {
            cmd.add("-Duser.language=" + langCountry[0]);
            cmd.add("-Duser.country=" + langCountry[1]);
        }
        cmd.add(Main.class.getName());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LC_ALL");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("TZ", s.tz());
        pb.environment().put("LANG", s.lang());
        return pb.start();
    }

    private static String finish(Process p) throws Exception {
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), log);
        assertFalse(log.contains("\tat "), log);
        return log;
    }

    static Map<String, String> hashes(Path target) throws Exception {
        Map<String, String> h = new TreeMap<>();
        Path dir = target.toRealPath();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                h.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return h;
    }
}
