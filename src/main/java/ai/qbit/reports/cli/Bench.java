package ai.qbit.reports.cli;

import ai.qbit.reports.chart.ChartFactory;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Templates;
import ai.qbit.reports.render.pdf.ReportPdfWriter;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import ai.qbit.reports.launch.Launcher;
import java.util.function.ToLongFunction;

/**
 * The benchmark. In one run it times, side by side on this machine: the README's cold command (a fresh
 * {@code mvn -q exec:java}, all artifacts), the report PDF alone from a cold process, the peers that are installed
 * (headless Chromium printing the same XHTML, Pandoc turning the same chapters' Markdown into a deck), optionally
 * the same cold command in another checkout ({@code -Dbench.base=…}, e.g. an older commit), and every artifact
 * rendered again and again in this warm JVM. Cold runs are interleaved (ours, base, peers, ours …) so that load from
 * elsewhere hits them alike; medians are printed with ratios to ours. Writes nothing to output/ but what the README
 * command writes there anyway.
 * <pre>mvn -q compile exec:java -Dbench.mode=compare -Dreport=2024 [-Dbench.cold=5]
 *     [-Dbench.warmup=3 -Dbench.runs=5] [-Dbench.base=../other-checkout]</pre>
 * {@code -Dbench.mode=watch} times watch mode instead ({@link WatchBench}).
 */
public final class Bench {
    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("bench.mode", "compare");
        if (mode.equals("pdf")) {
            coldPdf(System.getProperty("report", "2024"), Path.of(System.getProperty("bench.out")));
            return;
        }
        if (mode.equals("watch")) {
            WatchBench.run(Path.of(System.getProperty("root", ".")).toAbsolutePath().normalize(), System.getProperty("report", "2024"),
                    Integer.getInteger("bench.edits", 5), System.getProperty("bench.chapter"));
            System.exit(0);
        }
        String id = System.getProperty("report", "2024");
        Path root = Path.of(System.getProperty("root", ".")).toAbsolutePath().normalize();
        int coldRuns = Integer.getInteger("bench.cold", 3);
        System.out.printf(Locale.ROOT, "report %s on %d cores, %s %s (%s)%n", id, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"), String.join(" ",
                        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList()));
        if (coldRuns > 0) cold(root, id, coldRuns);
        warm(root, id);
    }

    /** A cold process that makes the report PDF and nothing else, for the comparison with a browser. */
    private static void coldPdf(String id, Path out) throws Exception {
        Generate g = new Generate(Path.of(System.getProperty("root", ".")), new PrintStream(OutputStream.nullOutputStream()));
        Report report = g.load(id);
        Files.write(out, new ReportPdfWriter(Templates.forReport(Path.of(System.getProperty("root", ".")), report)).write(report).pdf());
        System.exit(0);
    }

    /** One command line timed from outside: its wall time and the peak resident set of its process. */
    private record Command(String name, List<String> argv, Path dir) {
    }

    private record Sample(double seconds, long peakRssKb) {
    }

    private static void cold(Path root, String id, int runs) throws Exception {
        Path tmp = Files.createTempDirectory("bench-");
        String mvn = onPath("mvn").orElse("mvn");
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("ours, cold: mvn -q exec:java (all artifacts)", List.of(mvn, "-q", "-o", "exec:java", "-Dreport=" + id), root));
        // one untimed run first: a fresh build makes its start-up cache on its first run, and the timed runs reuse it
        time(commands.get(0));
        String base = System.getProperty("bench.base");
        if (base != null && !base.isBlank()) {
            commands.add(new Command("base, cold: the same command in " + base, List.of(mvn, "-q", "-o", "exec:java", "-Dreport=" + id),
                    root.resolve(base).normalize()));
        }
        commands.add(new Command("ours, cold: report.pdf alone", List.of(mvn, "-q", "-o", "exec:java",
                "-Dbench.mode=pdf", "-Dreport=" + id, "-Dbench.out=" + tmp.resolve("ours.pdf")), root));
        // the same without Maven: the render JVM exactly as the launcher starts it, the process to set beside a browser's
        Properties pdfOnly = new Properties();
        for (String k : List.of("render.jvm.batch", "render.jvm.long", "render.jdk")) {
            if (System.getProperty(k) != null) pdfOnly.setProperty(k, System.getProperty(k));
        }
        pdfOnly.setProperty("root", root.toString());
        pdfOnly.setProperty("report", id);
        pdfOnly.setProperty("bench.mode", "pdf");
        pdfOnly.setProperty("bench.out", tmp.resolve("ours-jvm.pdf").toString());
        if (pdfOnly.getProperty("render.jvm.batch") != null) {
            Launcher.Command jvm = new Launcher(pdfOnly, new PrintStream(OutputStream.nullOutputStream())).command();
            if (jvm.toAssemble() == null) commands.add(new Command("ours, cold: report.pdf alone, the render JVM without Maven", jvm.argv(), root));
        }

        // the peers get the same input: the report's XHTML (Chromium), the chapters' Markdown (Pandoc)
        Generate g = new Generate(root, new PrintStream(OutputStream.nullOutputStream()));
        Report report = g.load(id);
        Path xhtml = tmp.resolve("report.xhtml");
        Files.writeString(xhtml, new ReportPdfWriter(Templates.forReport(root, report)).xhtml(report,
                new ChartFactory(report.theme(), report.lang())));
        Optional<String> chromium = onPath("chromium").or(() -> onPath("chromium-browser")).or(() -> onPath("google-chrome"));
        chromium.ifPresent(c -> commands.add(new Command("headless Chromium: the same XHTML → PDF (no charts: it ignores them)",
                List.of(c, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--print-to-pdf=" + tmp.resolve("chromium.pdf"), xhtml.toUri().toString()), tmp)));
        Optional<String> pandoc = onPath("pandoc");
        if (pandoc.isPresent()) {
            // the chapters' figures are references into datasets (figure:…), nothing Pandoc can fetch: they are dropped
            Path noImages = Files.writeString(tmp.resolve("no-images.lua"), "function Image(el) return {} end\n");
            List<String> argv = new ArrayList<>(List.of(pandoc.get(), "--lua-filter=" + noImages, "-o", tmp.resolve("pandoc.pptx").toString()));
            for (Chapter c : report.allChapters()) {
                Path md = root.resolve(c.file().file()); // the loader names files from the project root
                argv.add((Files.isRegularFile(md) ? md : root.resolve("seeds").resolve(id).resolve(c.file().file())).toString());
            }
            commands.add(new Command("Pandoc: the same chapters' Markdown → PPTX (no figures, no charts)", argv, tmp));
        }
        if (chromium.isEmpty() || pandoc.isEmpty()) {
            System.out.println("(peers not installed and left out:" + (chromium.isEmpty() ? " chromium" : "") + (pandoc.isEmpty() ? " pandoc" : "")
                    + "; on Debian: apt-get install chromium pandoc)");
        }

        Map<Command, List<Sample>> samples = new LinkedHashMap<>();
        for (Command c : commands) samples.put(c, new ArrayList<>());
        for (int i = 0; i < runs; i++) {
            for (Command c : new ArrayList<>(commands)) {
                try {
                    samples.get(c).add(time(c));
                } catch (IllegalStateException e) { // a peer that fails is reported and left out, ours must not fail
                    if (c == commands.get(0)) throw e;
                    System.out.println("left out: " + e.getMessage());
                    commands.remove(c);
                }
            }
        }
        double ours = median(samples.get(commands.get(0)));
        // a browser is one process: it is set beside our render JVM alone when that was timed, else beside the mvn command
        double oursPdf = commands.stream().filter(c -> c.name().startsWith("ours, cold: report.pdf")).reduce((a, b) -> b)
                .map(c -> median(samples.get(c))).orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "%ncold processes, %d interleaved runs each (load average now %s)%n", runs, loadAverage());
        System.out.printf(Locale.ROOT, "%-66s %9s %9s %11s %12s%n", "command", "median s", "best s", "ratio", "peak RSS MB");
        for (Command c : commands) {
            List<Sample> s = samples.get(c);
            double m = median(s);
            boolean pdfPeer = c.name().startsWith("headless Chromium");
            String ratio = c == commands.get(0) ? "1.00 (ours)" : c.name().startsWith("base")
                    ? String.format(Locale.ROOT, "ours %.2f×", ours / m)
                    : c.name().startsWith("ours, cold: report.pdf") ? "" : String.format(Locale.ROOT, "%.2f× ours%s", m / (pdfPeer ? oursPdf : ours),
                    pdfPeer ? " PDF" : "");
            System.out.printf(Locale.ROOT, "%-66s %9.2f %9.2f %11s %12s%n", c.name(), m,
                    s.stream().mapToDouble(Sample::seconds).min().orElse(0), ratio,
                    s.stream().mapToLong(Sample::peakRssKb).max().orElse(0) > 0 ? Long.toString(s.stream().mapToLong(Sample::peakRssKb).max().getAsLong() >> 10) : "");
        }
    }

    /** Runs a command to its end; the peak RSS is read from /proc while it runs (Linux; the JVM is exec'd by mvn). */
    private static Sample time(Command c) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(c.argv()).directory(c.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        Process p = pb.start();
        long peak = 0;
        while (p.isAlive()) {
            peak = Math.max(peak, treeRss(p.toHandle()));
            Thread.sleep(10);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) throw new IllegalStateException(c.name() + " failed with exit code " + p.exitValue() + " (in " + c.dir() + ": "
                + String.join(" ", c.argv().subList(0, Math.min(4, c.argv().size()))) + " …)");
        return new Sample(s, peak);
    }

    /** The resident set of a process and all its descendants together (mvn starts the render's JVM), in KB. */
    private static long treeRss(ProcessHandle root) {
        long sum = rss(root.pid());
        for (ProcessHandle d : root.descendants().toList()) sum += rss(d.pid());
        return sum;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended, or this is not Linux
        }
        return 0;
    }

    private static double median(List<Sample> s) {
        double[] t = s.stream().mapToDouble(Sample::seconds).sorted().toArray();
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<String> onPath(String exe) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, exe)).filter(Files::isExecutable).map(Path::toString).findFirst();
    }

    /** Every artifact rendered in this JVM after warm-up (nothing written): per artifact median and best. */
    private static void warm(Path root, String id) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 3);
        int runs = Integer.getInteger("bench.runs", 5);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Generate g = new Generate(root, quiet);
        long l0 = System.nanoTime();
        Report report = g.load(id);
        long loadMs = (System.nanoTime() - l0) / 1_000_000;
        for (int i = 0; i < warmup; i++) g.render(report, Optional.empty());
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        List<Generate.Summary> measured = new ArrayList<>();
        for (int i = 0; i < runs; i++) measured.add(g.render(report, Optional.empty()));
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        Generate.Summary last = measured.get(measured.size() - 1);
        int pages = last.pdf().pages();
        int slides = last.deck().slides();
        int briefPages = last.briefs().pages().values().stream().mapToInt(Integer::intValue).sum();
        long briefBytes = last.briefs().pdfs().values().stream().mapToLong(b -> b.length).sum() + last.briefs().pack().length;
        System.out.printf(Locale.ROOT, "%nwarm, in this JVM: model loaded and validated in %d ms; %d warm-up runs, %d measured runs; max heap %d MB%n",
                loadMs, warmup, runs, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-24s %10s %10s %14s %12s%n", "artifact", "median s", "best s", "rate", "bytes");
        row("report.pdf", measured, Generate.Summary::pdfMillis, pages, "pages", last.pdf().pdf().length);
        row("deck.pptx", measured, Generate.Summary::deckMillis, slides, "slides", last.deck().pptx().length);
        row("briefs (pack, parts)", measured, Generate.Summary::briefsMillis, briefPages, "pages", briefBytes);
        row("all, in parallel", measured, Generate.Summary::totalMillis, pages + slides + briefPages, "pages+slides", 0);
        System.out.printf(Locale.ROOT, "peak heap during the measured runs: %d MB%n", peak >> 20);
    }

    private static void row(String what, List<Generate.Summary> runs, ToLongFunction<Generate.Summary> ms, int units, String unit, long bytes) {
        long[] t = runs.stream().mapToLong(ms).sorted().toArray();
        double median = t[t.length / 2] / 1000.0, best = t[0] / 1000.0;
        System.out.printf(Locale.ROOT, "%-24s %10.2f %10.2f %8.1f %-5s %12s%n", what, median, best, units / median,
                unit.equals("pages") ? "p/s" : unit.equals("slides") ? "sl/s" : "/s", bytes > 0 ? String.format("%,d", bytes) : "");
    }
}
