package ai.qbit.reports.cli;

import ai.qbit.reports.load.ModelException;
import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.model.Report;

import java.nio.file.Path;

public final class Main {
    public static void main(String[] args) {
        try {
            Report r = new ReportLoader(Path.of("assets")).load(Path.of("seeds", System.getProperty("report", "2024")));
            System.out.println("ok " + r.allChapters().size() + " chapters, " + r.datasets().size() + " datasets");
        } catch (ModelException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }
}
