package ai.qbit.reports.cli;

import ai.qbit.reports.load.ModelException;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Templates;
import ai.qbit.reports.render.brief.BriefWriter;
import ai.qbit.reports.render.deck.DeckTemplate;
import ai.qbit.reports.render.deck.DeckWriter;
import ai.qbit.reports.render.pdf.ReportPdfWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code mvn exec:java -Dreport=2024 -Dwatch=true}: renders once, then watches the report folder, templates/ and
 * assets/. On a change it reloads the model (an invalid one is reported with file:line and the last good outputs
 * stay), renders the report PDF first and writes it at once, then only the other artifacts the change touches.
 * Every write is the run's all-or-nothing write of the whole set ({@link Generate#write}), the artifacts not
 * re-rendered taken from the last good run. Ctrl-C ends it after the write in progress.
 */
public final class Watch {
    /** An artifact group that is rendered and written as one. */
    enum Artifact { PDF, DECK, BRIEFS }

    /** Editors write a file in bursts (truncate, write, rename); a change is acted on once the folder is quiet this long. */
    private static final long QUIET_MS = 30;

    private final Path root;
    private final String reportId;
    private final Optional<Path> deckTemplate;
    private final boolean verbose;
    private final PrintStream out;
    private final PrintStream err;
    private final Generate generate;
    private final Object writing = new Object();
    private volatile boolean stopping;
    private volatile WatchService watcher;
    private volatile Thread thread;
    private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

    private Report report;
    private Generate.Summary outputs;
    private Templates templates;
    private volatile boolean warming;

    /**
     * The first edit should not wait for the JIT: while the author has not saved yet, the report PDF is laid out a
     * few more times in the background (the results are dropped; -Dwatch.warmup=N, 0 for none). It stops at the
     * first change; a layout under way then finishes on the other core.
     */
    private void warmUp() {
        int n = Integer.getInteger("watch.warmup", 3);
        Report r = report;
        Templates t = templates;
        if (n <= 0 || r == null || t == null) return;
        warming = true;
        Thread w = new Thread(() -> {
            long t0 = System.nanoTime();
            int done = 0;
            for (; done < n && warming && !stopping; done++) {
                try {
                    new ReportPdfWriter(t).write(r);
                } catch (Exception | LinkageError e) {
                    break; // only a warm-up: the real render reports its own errors
                }
            }
            if (warming && !stopping) out.printf(Locale.ROOT, "  warmed up (%d layouts in %.1f s): ready%n", done, (System.nanoTime() - t0) / 1e9);
            warming = false;
        }, "watch-warmup");
        w.setDaemon(true);
        w.setPriority(Thread.MIN_PRIORITY);
        w.start();
    }

    public Watch(Path root, String reportId, Optional<Path> deckTemplate, boolean verbose, PrintStream out, PrintStream err) {
        this.root = root.toAbsolutePath().normalize();
        this.reportId = reportId;
        this.deckTemplate = deckTemplate;
        this.verbose = verbose;
        this.out = out;
        this.err = err;
        this.generate = new Generate(this.root, out);
    }

    /** The watch {@code mvn exec:java -Dreport=… -Dwatch=true} asks for, with Main's other options. */
    static Watch fromProperties() {
        return new Watch(Path.of(System.getProperty("root", ".")), System.getProperty("report"),
                Optional.ofNullable(System.getProperty("deck.template")).filter(s -> !s.isBlank()).map(Path::of),
                Boolean.getBoolean("verbose"), new PrintStream(System.out, true, java.nio.charset.StandardCharsets.UTF_8),
                new PrintStream(System.err, true, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Renders once and watches until Ctrl-C (exit code 0); 2 when there is no such report to watch, 1 when watching fails. */
    public int run() {
        System.setProperty("java.awt.headless", "true");
        List<String> reports = Main.reports(root);
        if (reportId == null || !reports.contains(reportId)) {
            err.println("error: say which report to watch: -Dreport=<id>. Reports in seeds/: " + String.join(", ", reports));
            return 2;
        }
        Thread hook = new Thread(this::stopAndWait, "watch-stop");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            this.watcher = watcher;
            this.thread = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(hook);
            for (Path dir : watchedRoots()) register(watcher, dir);
            out.println("watching " + watchedRoots().stream().map(p -> root.relativize(p) + "/").toList() + " (Ctrl-C ends)");
            rebuild(EnumSet.allOf(Artifact.class), Set.of());
            warmUp();
            while (!stopping && !Thread.currentThread().isInterrupted()) {
                Set<Path> changed = nextChanges(watcher);
                if (changed.isEmpty() || stopping) continue;
                warming = false;
                rebuild(classify(changed), changed);
            }
            return 0;
        } catch (ClosedWatchServiceException | InterruptedException e) {
            return 0; // Ctrl-C
        } catch (IOException e) {
            err.println("error: cannot watch the report's folders: " + e.getMessage());
            return 1;
        } finally {
            out.println("watch ended");
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the JVM is shutting down (Ctrl-C), or the hook was never added
            }
        }
    }

    private List<Path> watchedRoots() {
        return List.of(root.resolve("seeds").resolve(reportId), root.resolve("templates"), root.resolve("assets"))
                .stream().filter(Files::isDirectory).toList();
    }

    /** Ends the watch: no new cycle starts, a write in progress finishes, a render in progress is dropped. */
    public void stop() {
        stopping = true;
        synchronized (writing) {
            try {
                if (watcher != null) watcher.close();
            } catch (IOException ignored) {
                // closing is all that is left to do
            }
        }
        if (thread != null) thread.interrupt();
    }

    /** Ctrl-C: stop, and let the JVM end only once the watch has. */
    private void stopAndWait() {
        stop();
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a change, then collects the burst it belongs to. Paths are absolute. */
    private Set<Path> nextChanges(WatchService watcher) throws InterruptedException, IOException {
        Set<Path> changed = new LinkedHashSet<>();
        WatchKey key = watcher.take();
        while (key != null) {
            Path dir = (Path) key.watchable();
            for (WatchEvent<?> e : key.pollEvents()) {
                if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                    changed.add(root.resolve("assets")); // events were lost: treat it as a change to everything
                    continue;
                }
                Path p = dir.resolve((Path) e.context());
                if (e.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(p)) register(watcher, p);
                if (!editorScratch(p.getFileName().toString())) changed.add(p);
            }
            key.reset();
            key = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS);
        }
        return changed;
    }

    /**
     * Swap, backup and scratch files editors and tools write beside the one being edited (.x.swp, x~, #x#, vim's 4913,
     * sed -i's sedXXXXXX): every file the model, templates and assets consist of has an extension.
     */
    static boolean editorScratch(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".swp")
                || name.endsWith(".swx") || name.endsWith(".tmp") || !name.contains(".");
    }

    private static void register(WatchService watcher, Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Which artifacts a set of changed files can touch, before the model is compared. */
    EnumSet<Artifact> classify(Set<Path> changed) {
        EnumSet<Artifact> touched = EnumSet.noneOf(Artifact.class);
        Path seeds = root.resolve("seeds").resolve(reportId);
        for (Path p : changed) {
            Path rel = p.startsWith(seeds) ? seeds.relativize(p) : p.startsWith(root) ? root.relativize(p) : p;
            String s = rel.toString().replace('\\', '/');
            if (s.startsWith("templates/brief/")) touched.add(Artifact.BRIEFS);
            else if (s.startsWith("templates/pdf/")) touched.addAll(EnumSet.of(Artifact.PDF, Artifact.BRIEFS));
            else touched.addAll(EnumSet.allOf(Artifact.class));
        }
        return touched;
    }

    /** One cycle: reload, render what is touched (the PDF first, written at once), write each through the staged output. */
    private void rebuild(EnumSet<Artifact> touched, Set<Path> changed) {
        long t0 = System.nanoTime();
        if (!changed.isEmpty()) {
            out.println("changed: " + changed.stream().map(p -> p.startsWith(root) ? root.relativize(p).toString() : p.toString()).toList());
        }
        Report next;
        try {
            next = generate.load(reportId);
        } catch (ModelException e) {
            err.println("error: " + e.getMessage());
            err.println("  (the last good outputs stay in output/" + reportId + "/; watching for the fix)");
            return;
        } catch (RuntimeException e) {
            err.println("error: reading the model failed: " + e + " (the last good outputs stay)");
            if (verbose) e.printStackTrace(err);
            return;
        }
        long loaded = System.nanoTime();
        Report previous = report;
        if (outputs == null) touched = EnumSet.allOf(Artifact.class);
        else if (onlyChapters(changed)) touched = byChapters(previous, next);
        if (touched.isEmpty()) {
            out.println("  no artifact changes");
            report = next;
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // parsed templates are kept from cycle to cycle until a template changes
            if (templates == null || changed.stream().anyMatch(p -> root.relativize(p).toString().replace('\\', '/').contains("templates/"))) {
                templates = Templates.forReport(root, next);
            }
            Templates templates = this.templates;
            Generate.Summary s = outputs;
            Timed<ReportPdfWriter.Rendered> pdf = null;
            // after an edit the page the author is looking at comes first, alone; the deck and the briefs follow side
            // by side. The first run is a whole run: the deck starts beside the PDF, as in Generate.
            java.util.concurrent.Callable<Timed<DeckWriter.Rendered>> deckWork = () -> timed(() -> new DeckWriter().write(next,
                    deckTemplate.isPresent() ? DeckTemplate.of(deckTemplate.get()) : DeckTemplate.builtIn(next.theme())));
            var deckJob = outputs == null ? pool.submit(deckWork) : null;
            if (touched.contains(Artifact.PDF)) {
                pdf = timed(() -> new ReportPdfWriter(templates).write(next));
                s = with(s, pdf.value(), null, null, null);
                long w0 = System.nanoTime();
                write(next, s);
                progress("report.pdf", pdf.value().pdf().length, pdf.value().pages() + " pages", pdf.millis(), t0);
                if (Boolean.getBoolean("watch.timing")) out.printf(Locale.ROOT, "  (model %.2f s, write %.2f s)%n", (loaded - t0) / 1e9, (System.nanoTime() - w0) / 1e9);
            }
            if (deckJob == null && touched.contains(Artifact.DECK)) deckJob = pool.submit(deckWork);
            boolean labelsMoved = pdf != null && s != null && outputs != null
                    && !pdf.value().pageLabels().equals(outputs.pdf().pageLabels());
            if (touched.contains(Artifact.BRIEFS) || labelsMoved) {
                Map<String, String> labels = s.pdf().pageLabels();
                var digestsJob = pool.submit(() -> timed(() -> new BriefWriter(templates).partDigests(next, labels)));
                Timed<BriefWriter.Rendered> briefs = timed(() -> new BriefWriter(templates).write(next, labels, pool));
                Timed<BriefWriter.Digests> digests = digestsJob.get();
                s = with(s, null, null, briefs.value(), digests.value());
                write(next, s);
                progress("briefs/", briefs.value().pdfs().values().stream().mapToLong(b -> b.length).sum(),
                        briefs.value().pdfs().size() + " briefs, " + digests.value().pdfs().size() + " part digests",
                        briefs.millis(), t0);
            }
            if (deckJob != null) {
                Timed<DeckWriter.Rendered> deck = deckJob.get();
                s = with(s, null, deck.value(), null, null);
                write(next, s);
                progress("deck.pptx", deck.value().pptx().length, deck.value().slides() + " slides", deck.millis(), t0);
            }
            report = next;
            outputs = s;
            out.printf(Locale.ROOT, "  up to date in %.2f s%n", (System.nanoTime() - t0) / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof Generate.RenderFailure && cause.getCause() != null) cause = cause.getCause();
            if (stopping) return;
            err.println("error: rendering failed: " + cause + " (the last good outputs stay)");
            if (verbose) cause.printStackTrace(err);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The staged, all-or-nothing write of the whole set; skipped once Ctrl-C has been pressed. */
    private void write(Report r, Generate.Summary s) throws Exception {
        if (s.pdf() == null || s.deck() == null || s.briefs() == null || s.digests() == null) return; // first run: all at the end
        synchronized (writing) {
            if (stopping) throw new InterruptedException();
            // the artifacts not re-rendered are the current files: linked into the new set, not written and synced again
            generate.write(r, s, root.resolve("output").resolve(reportId), true);
        }
    }

    private void progress(String what, long bytes, String count, long millis, long t0) {
        out.printf(Locale.ROOT, "  %-12s %8.1f KB  %-28s rendered in %.2f s, done %.2f s after the change%n", what, bytes / 1024.0,
                count, millis / 1000.0, (System.nanoTime() - t0) / 1e9);
    }

    private boolean onlyChapters(Set<Path> changed) {
        Path chapters = root.resolve("seeds").resolve(reportId).resolve("chapters");
        return !changed.isEmpty() && changed.stream().allMatch(p -> p.startsWith(chapters));
    }

    /**
     * After an edit to chapter files only: the PDF always; the deck when a chapter it shows (or credits) changed; the
     * briefs when a chapter with a brief changed (and, found after the PDF, when any page number moved).
     */
    static EnumSet<Artifact> byChapters(Report before, Report after) {
        if (!sameExcept(before, after, Set.of("lang", "front", "parts", "back"))
                || !ids(before.allChapters()).equals(ids(after.allChapters()))
                || before.parts().size() != after.parts().size()
                || !java.util.stream.IntStream.range(0, before.parts().size())
                .allMatch(i -> sameExcept(before.parts().get(i), after.parts().get(i), Set.of("chapters")))) {
            return EnumSet.allOf(Artifact.class);
        }
        Map<String, Chapter> old = byId(before.allChapters());
        Set<String> edited = new LinkedHashSet<>();
        for (Chapter c : after.allChapters()) if (!c.equals(old.get(c.id()))) edited.add(c.id());
        EnumSet<Artifact> touched = EnumSet.noneOf(Artifact.class);
        if (edited.isEmpty()) return touched;
        touched.add(Artifact.PDF);
        if (after.deckChapters().stream().anyMatch(c -> edited.contains(c.id()))
                || after.credits().map(c -> edited.contains(c.id())).orElse(false)) touched.add(Artifact.DECK);
        if (after.briefChapters().stream().anyMatch(c -> edited.contains(c.id()))) touched.add(Artifact.BRIEFS);
        return touched;
    }

    private static List<String> ids(List<Chapter> chapters) {
        return chapters.stream().map(Chapter::id).toList();
    }

    private static Map<String, Chapter> byId(List<Chapter> chapters) {
        return chapters.stream().collect(java.util.stream.Collectors.toMap(Chapter::id, Function.identity(), (a, b) -> a));
    }

    /** Record equality over every component but the named ones (the language pack has no equality of its own). */
    static <R extends Record> boolean sameExcept(R a, R b, Set<String> skip) {
        try {
            for (RecordComponent rc : a.getClass().getRecordComponents()) {
                if (skip.contains(rc.getName())) continue;
                if (!Objects.equals(rc.getAccessor().invoke(a), rc.getAccessor().invoke(b))) return false;
            }
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Generate.Summary with(Generate.Summary s, ReportPdfWriter.Rendered pdf, DeckWriter.Rendered deck,
                                         BriefWriter.Rendered briefs, BriefWriter.Digests digests) {
        return new Generate.Summary(pdf != null ? pdf : s == null ? null : s.pdf(), deck != null ? deck : s == null ? null : s.deck(),
                briefs != null ? briefs : s == null ? null : s.briefs(), digests != null ? digests : s == null ? null : s.digests(),
                0, 0, 0, 0);
    }

    record Timed<T>(T value, long millis) {
    }

    private static <T> Timed<T> timed(Generate.Timed.Work<T> w) throws Exception {
        long t0 = System.nanoTime();
        T v = w.run();
        return new Timed<>(v, (System.nanoTime() - t0) / 1_000_000);
    }
}
