package ai.qbit.reports.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * All-or-nothing outputs under faults: a process killed at random moments while it writes and switches output
 * sets, every state a kill can leave, a read-only and a full file system, something in the way, the old layout.
 * After each, output/mini holds exactly the old set or exactly the new one, and the next run leaves no litter.
 */
class OutputFaultTest {
    @TempDir
    Path tmp;

    /** An output set shaped like a real one: a report, a deck, briefs with Markdown twins and the pack. */
    static Map<String, byte[]> set(String tag, int briefs, int firstBrief, int scale) {
        Random r = new Random(tag.hashCode());
        Map<String, byte[]> m = new TreeMap<>();
        m.put("report.pdf", bytes(r, 400 * scale));
        m.put("deck.pptx", bytes(r, 200 * scale));
        m.put("briefs/briefs.pdf", bytes(r, 100 * scale));
        for (int i = firstBrief; i < firstBrief + briefs; i++) {
            m.put(String.format("briefs/%02d-brief.pdf", i), bytes(r, 20 * scale));
            m.put(String.format("briefs/%02d-brief.md", i), (tag + " brief " + i).getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private static byte[] bytes(Random r, int kb) {
        byte[] b = new byte[kb * 1024];
        r.nextBytes(b);
        return b;
    }

    static final Map<String, byte[]> A = set("A", 10, 1, 1);
    static final Map<String, byte[]> B = set("B", 9, 2, 1); // a renamed chapter: brief 01 is no longer produced

    static void write(Path target, Map<String, byte[]> set) throws IOException {
        try (StagedOutput out = new StagedOutput(target)) {
            for (var e : set.entrySet()) out.write(e.getKey(), e.getValue());
            out.commit();
        }
    }

    /** What a reader of {@code target} sees: relative name → SHA-256. */
    static Map<String, String> seen(Path target) throws Exception {
        Map<String, String> h = new TreeMap<>();
        if (!Files.exists(target)) return h;
        Path dir = target.toRealPath();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) h.put(dir.relativize(p).toString(), sha(Files.readAllBytes(p)));
        }
        return h;
    }

    static Map<String, String> hashes(Map<String, byte[]> set) throws Exception {
        Map<String, String> h = new TreeMap<>();
        for (var e : set.entrySet()) h.put(e.getKey(), sha(e.getValue()));
        return h;
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** Everything beside the outputs in output/: only the link, its one version and the lock may remain. */
    static Set<String> litter(Path target) throws IOException {
        Set<String> names = new TreeSet<>();
        String current = Files.isSymbolicLink(target) ? Files.readSymbolicLink(target).toString() : "";
        try (Stream<Path> s = Files.list(target.getParent())) {
            s.map(p -> p.getFileName().toString()).forEach(names::add);
        }
        names.remove(target.getFileName().toString());
        names.remove(current);
        names.remove("." + target.getFileName() + ".lock");
        return names;
    }

    private static void save(Path dir, Map<String, byte[]> set) throws IOException {
        for (var e : set.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
    }

    @Test
    void watchWritesLinkOnlyFilesEqualToTheCurrentOnes() throws Exception {
        Path target = tmp.resolve("output/mini");
        write(target, A);
        Map<String, byte[]> next = new TreeMap<>(A);
        next.put("report.pdf", B.get("report.pdf")); // re-rendered; the rest as it was
        next.put("briefs/02-brief.md", "changed".getBytes(StandardCharsets.UTF_8)); // same name, other bytes
        Path before = target.toRealPath();
        Map<String, Object> inodes = new TreeMap<>();
        for (String name : A.keySet()) inodes.put(name, Files.readAttributes(before.resolve(name), java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assumeTrue(inodes.values().stream().allMatch(java.util.Objects::nonNull), "this file system has no file keys");
        try (StagedOutput out = new StagedOutput(target)) {
            out.reuseUnchanged();
            for (var e : next.entrySet()) out.write(e.getKey(), e.getValue());
            out.commit();
        }
        Path after = target.toRealPath();
        assertTrue(!before.equals(after), "a new set, switched in one rename");
        assertEquals(hashes(next), seen(target));
        for (String name : next.keySet()) {
            boolean same = java.util.Arrays.equals(A.get(name), next.get(name));
            Object key = Files.readAttributes(after.resolve(name), java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            assertEquals(same, inodes.get(name).equals(key), name + (same ? " is unchanged and should be the same file" : " changed and should be written anew"));
        }
    }

    @Test
    void aProcessKilledAtRandomMomentsLeavesTheOldOrTheNewSetAndTheNextRunNoLitter() throws Exception {
        Path a = tmp.resolve("A"), b = tmp.resolve("B");
        save(a, A);
        save(b, B);
        Path target = tmp.resolve("output/mini");
        Map<String, String> ha = hashes(A), hb = hashes(B);
        Random random = new Random(14);
        int sawA = 0, sawB = 0;
        for (int i = 0; i < 8; i++) {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OutputLoop.class.getName(), target.toString(), a.toString(), b.toString())
                    .redirectErrorStream(true).start();
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line = r.readLine();
                assertEquals("ready", line, "the writer did not start");
                Thread.sleep(random.nextInt(300));
            } finally {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the writer
                assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            }
            Map<String, String> now = seen(target);
            assertTrue(now.equals(ha) || now.equals(hb), "kill " + i + ": a mix of sets: " + now.keySet());
            if (now.equals(ha)) sawA++;
            else sawB++;
        }
        System.out.printf("killed writers: %d left set A, %d set B%n", sawA, sawB);
        write(target, A);
        assertEquals(ha, seen(target));
        assertEquals(Set.of(), litter(target), "stale staging or versions after the next run");
    }

    @Test
    void everyStateAKillCanLeaveShowsACompleteSetAndTheNextRunCleansIt() throws Exception {
        Path target = tmp.resolve("output/mini");
        Path out = target.getParent();
        write(target, A);
        Map<String, String> ha = hashes(A);
        // killed while staging: a half-written staging folder
        save(out.resolve(".mini.staging-dead1"), Map.of("report.pdf", new byte[10]));
        assertEquals(ha, seen(target));
        // killed after the staging folder became version 7, before the link switched
        save(out.resolve(".mini.v7"), B);
        assertEquals(ha, seen(target));
        // killed after the new link was made, before it was renamed over output/mini
        Files.createSymbolicLink(out.resolve(".mini.link"), Path.of(".mini.v7"));
        assertEquals(ha, seen(target));
        write(target, B);
        assertEquals(hashes(B), seen(target));
        assertEquals(Set.of(), litter(target));
        assertTrue(Files.readSymbolicLink(target).toString().matches("\\.mini\\.v\\d+"), Files.readSymbolicLink(target).toString());
    }

    @Test
    void filesARunNoLongerProducesAreGone() throws Exception {
        Path target = tmp.resolve("output/mini");
        write(target, A);
        write(target, B);
        assertEquals(hashes(B), seen(target));
        assertTrue(Files.notExists(target.resolve("briefs/01-brief.pdf")));
        assertEquals(Set.of(), litter(target));
    }

    @Test
    void theOldLayoutIsReplacedWholeEvenWithAReadOnlyFolderAndADirectoryInTheWay() throws Exception {
        Path target = tmp.resolve("output/mini");
        save(target, A);
        Files.delete(target.resolve("briefs/briefs.pdf"));
        Files.createDirectories(target.resolve("briefs/briefs.pdf/odd"));
        Files.setPosixFilePermissions(target.resolve("briefs"), PosixFilePermissions.fromString("r-xr-xr-x"));
        write(target, B);
        assertTrue(Files.isSymbolicLink(target));
        assertEquals(hashes(B), seen(target));
        assertEquals(Set.of(), litter(target));
    }

    @Test
    void aFileInTheWayIsNamedAndLeftAlone() throws Exception {
        Path target = tmp.resolve("output/mini");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "mine");
        StagedOutput.OutputException e = assertThrows(StagedOutput.OutputException.class, () -> write(target, A));
        assertTrue(e.getMessage().contains(target + " is a file in the way of the outputs"), e.getMessage());
        assertEquals("mine", Files.readString(target));
        assertEquals(Set.of(), litter(target));
    }

    @Test
    void aReadOnlyOutputFolderKeepsThePreviousSetAndSaysSo() throws Exception {
        Path mount = tmpfs("size=8m");
        try {
            Path target = mount.resolve("mini");
            write(target, A);
            run("mount", "-o", "remount,ro", mount.toString());
            StagedOutput.OutputException e = assertThrows(StagedOutput.OutputException.class, () -> write(target, B));
            assertTrue(e.getMessage().contains("Read-only file system"), e.getMessage());
            assertEquals("output/mini still holds the previous outputs, unchanged (" + A.size() + " files)", e.kept());
            assertEquals(hashes(A), seen(target));
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void aFullDiskKeepsThePreviousSetAndLeavesNoStaging() throws Exception {
        Path mount = tmpfs("size=2m");
        try {
            Path target = mount.resolve("mini");
            write(target, A);
            long free = Files.getFileStore(mount).getUsableSpace();
            Files.write(mount.resolve("filler"), new byte[(int) Math.max(0, free - 300 * 1024)]);
            StagedOutput.OutputException e = assertThrows(StagedOutput.OutputException.class, () -> write(target, B));
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            assertTrue(e.kept().contains("unchanged"), e.kept());
            assertEquals(hashes(A), seen(target));
            Files.delete(mount.resolve("filler"));
            assertEquals(Set.of(), litter(target));
            write(target, B);
            assertEquals(hashes(B), seen(target));
        } finally {
            run("umount", mount.toString());
        }
    }

    /** A small tmpfs, where the machine allows mounting one (root in a container that permits it). */
    private Path tmpfs(String options) throws Exception {
        Path mount = Files.createDirectories(tmp.resolve("mnt"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount.toString()) == 0, "cannot mount a tmpfs here");
        assumeTrue(Files.getFileStore(mount).type().equals("tmpfs"));
        return mount;
    }

    private static int run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
