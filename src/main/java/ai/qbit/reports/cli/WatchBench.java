package ai.qbit.reports.cli;

import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Watch mode timed as an author meets it: a copy of the report (with templates/ and assets/) in a temporary folder,
 * {@link Watch} on it in this JVM, then one paragraph of a chapter edited on disk, again and again; each time the
 * clock runs from the write until output/&lt;report&gt;/report.pdf is a new file, and the next edit waits until the
 * watch is up to date (the first edit waits for its warm-up too). Prints every sample, the median and the load average, and the watch's own progress lines.
 * <pre>mvn -q compile exec:java -Dbench.mode=watch -Dreport=2024
 *     [-Dbench.edits=5] [-Dbench.chapter=chapters/03-agi.md]</pre>
 * It runs in the JVM {@code mvn exec:java} starts, with the options of {@code .mvn/jvm.config}, as watch mode does.
 */
final class WatchBench {
    private WatchBench() {
    }

    static void run(Path root, String id, int edits, String chapterFile) throws Exception {
        Path tmp = Files.createTempDirectory("watch-bench-");
        try {
            copy(root.resolve("seeds").resolve(id), tmp.resolve("seeds").resolve(id));
            copy(root.resolve("templates"), tmp.resolve("templates"));
            copy(root.resolve("assets"), tmp.resolve("assets"));
            Report report = new Generate(tmp, new PrintStream(OutputStream.nullOutputStream())).load(id);
            Path chapter = chapterFile != null ? tmp.resolve("seeds").resolve(id).resolve(chapterFile) : defaultChapter(tmp, id, report);
            List<String> lines = Files.readAllLines(chapter, StandardCharsets.UTF_8);
            int at = paragraph(lines);
            if (at < 0) throw new IllegalStateException(chapter + ": no paragraph of plain prose to edit");
            String original = lines.get(at);

            Lines log = new Lines();
            PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
            Watch watch = new Watch(tmp, id, Optional.empty(), false, out, out);
            Thread t = new Thread(watch::run, "watch");
            t.start();
            Path pdf = tmp.resolve("output").resolve(id).resolve("report.pdf");
            long s0 = System.nanoTime();
            log.awaitUpToDate(1, 600_000);
            System.out.printf(Locale.ROOT, "watch: first render of every artifact in %.1f s%n", (System.nanoTime() - s0) / 1e9);
            // an author saves once the page is up, the watch warmed up (Watch#warmUp) and quiet
            if (Integer.getInteger("watch.warmup", 3) > 0) log.await("ready", 600_000);
            Thread.sleep(300);

            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                Object before = Files.readAttributes(pdf, BasicFileAttributes.class).fileKey();
                // one paragraph changed: its first sentence said again, then taken back on the next edit
                lines.set(at, i % 2 == 0 ? original + " " + firstSentence(original) : original);
                long t0 = System.nanoTime();
                Files.write(chapter, lines, StandardCharsets.UTF_8);
                while (Files.readAttributes(pdf, BasicFileAttributes.class).fileKey().equals(before)) {
                    if (System.nanoTime() - t0 > 120e9) throw new IllegalStateException("no new report.pdf 120 s after the edit");
                    Thread.sleep(2);
                }
                double s = (System.nanoTime() - t0) / 1e9;
                samples.add(s);
                log.awaitUpToDate(i + 2, 600_000);
                System.out.printf(Locale.ROOT, "edit %d: new report.pdf in place %.3f s after the write%n", i + 1, s);
                Thread.sleep(300);
            }
            watch.stop();
            t.join(10_000);
            double[] sorted = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%nwatch, %s, %d edits of one paragraph in %s: median %.3f s, best %.3f s, worst %.3f s (load average now %s)%n",
                    id, edits, tmp.relativize(chapter), sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1],
                    Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            System.out.println("the watch's own lines:");
            log.lines().forEach(l -> System.out.println("  | " + l));
        } finally {
            delete(tmp);
        }
    }

    /** A body chapter in the middle of the report: what an author edits. */
    private static Path defaultChapter(Path root, String id, Report report) {
        List<Chapter> body = report.parts().stream().flatMap(p -> p.chapters().stream()).toList();
        List<Chapter> all = body.isEmpty() ? report.allChapters() : body;
        String file = all.get(all.size() / 2).file().file(); // named from the project root (or the report folder)
        Path p = root.resolve(file);
        return Files.isRegularFile(p) ? p : root.resolve("seeds").resolve(id).resolve(file);
    }

    /** The first line that is a paragraph of prose without digits (no number to cite) and long enough to be one. */
    static int paragraph(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            boolean alone = (i == 0 || lines.get(i - 1).isBlank()) && (i + 1 == lines.size() || lines.get(i + 1).isBlank());
            if (alone && l.length() >= 30 && !l.matches("^[#!|>*:`\\-\\[].*") && !l.startsWith("Table:") && l.chars().noneMatch(Character::isDigit)
                    && !l.contains("[^") && !l.contains("**")) return i;
        }
        return -1;
    }

    private static String firstSentence(String paragraph) {
        for (int i = 0; i < paragraph.length(); i++) {
            char ch = paragraph.charAt(i);
            if ((ch == '。' || ch == '.' || ch == '；') && i > 10) return paragraph.substring(0, i + 1);
        }
        return paragraph;
    }

    /** The watch's output, kept as lines, counting the cycles that ended ("up to date"). */
    private static final class Lines extends OutputStream {
        private final StringBuilder current = new StringBuilder();
        private final List<String> lines = new ArrayList<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final AtomicInteger upToDate = new AtomicInteger();

        @Override
        public synchronized void write(int b) {
            if (b != '\n') {
                bytes.write(b);
                return;
            }
            String line = bytes.toString(StandardCharsets.UTF_8);
            bytes.reset();
            lines.add(line);
            if (line.contains("up to date") || line.startsWith("error")) upToDate.incrementAndGet();
            notifyAll();
        }

        synchronized void awaitUpToDate(int n, long millis) throws InterruptedException {
            long end = System.currentTimeMillis() + millis;
            while (upToDate.get() < n) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) throw new IllegalStateException("the watch did not finish: " + lines);
                wait(left);
            }
        }

        synchronized void await(String word, long millis) throws InterruptedException {
            long end = System.currentTimeMillis() + millis;
            while (lines.stream().noneMatch(l -> l.contains(word))) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) throw new IllegalStateException("the watch never said " + word + ": " + lines);
                wait(left);
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return;
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        }
    }
}
