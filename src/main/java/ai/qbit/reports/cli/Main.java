package ai.qbit.reports.cli;

import ai.qbit.reports.load.ModelException;
import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.Templates;
import ai.qbit.reports.render.pdf.ReportPdfWriter;

import java.nio.file.Files;
import java.nio.file.Path;

public final class Main {
    public static void main(String[] args) throws Exception {
        try {
            Report r = new ReportLoader(Path.of("assets")).load(Path.of("seeds", System.getProperty("report", "2024")));
            long t0 = System.nanoTime();
            var out = new ReportPdfWriter(new Templates(Path.of("templates"))).write(r);
            Files.createDirectories(Path.of("output/2024"));
            Files.write(Path.of("output/2024/report.pdf"), out.pdf());
            System.out.println("report.pdf " + out.pages() + " pages " + out.pdf().length + " bytes " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        } catch (ModelException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
