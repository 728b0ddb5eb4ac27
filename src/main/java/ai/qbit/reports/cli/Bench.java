package ai.qbit.reports.cli;

import ai.qbit.reports.model.Report;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The benchmark: renders a report repeatedly after warm-up and prints, per artifact, wall time, pages or
 * slides per second, bytes, and the peak heap of the measured runs. Writes nothing to output/.
 * <pre>mvn -q compile exec:java -Dexec.mainClass=ai.qbit.reports.cli.Bench -Dreport=2024 [-Dbench.warmup=3 -Dbench.runs=5]</pre>
 */
public final class Bench {
    public static void main(String[] args) throws Exception {
        String id = System.getProperty("report", "2024");
        int warmup = Integer.getInteger("bench.warmup", 3);
        int runs = Integer.getInteger("bench.runs", 5);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        Generate g = new Generate(Path.of(System.getProperty("root", ".")), quiet);
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
        System.out.printf(Locale.ROOT, "report %s: model loaded and validated in %d ms; %d warm-up runs, %d measured runs; %d cores, max heap %d MB%n",
                id, loadMs, warmup, runs, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %14s %12s%n", "artifact", "median s", "best s", "rate", "bytes");
        row("report.pdf", measured, Generate.Summary::pdfMillis, pages, "pages", last.pdf().pdf().length);
        row("deck.pptx", measured, Generate.Summary::deckMillis, slides, "slides", last.deck().pptx().length);
        row("briefs (10, pack, parts)", measured, Generate.Summary::briefsMillis, briefPages, "pages", briefBytes);
        row("all, in parallel", measured, Generate.Summary::totalMillis, pages + slides + briefPages, "pages+slides", 0);
        System.out.printf(Locale.ROOT, "peak heap during the measured runs: %d MB%n", peak >> 20);
    }

    private static void row(String what, List<Generate.Summary> runs, ToLongFunction<Generate.Summary> ms, int units, String unit, long bytes) {
        long[] t = runs.stream().mapToLong(ms).sorted().toArray();
        double median = t[t.length / 2] / 1000.0, best = t[0] / 1000.0;
        System.out.printf(Locale.ROOT, "%-22s %10.2f %10.2f %8.1f %-5s %12s%n", what, median, best, units / median,
                unit.equals("pages") ? "p/s" : unit.equals("slides") ? "sl/s" : "/s", bytes > 0 ? String.format("%,d", bytes) : "");
    }
}
