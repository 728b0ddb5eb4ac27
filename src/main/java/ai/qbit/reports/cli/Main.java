package ai.qbit.reports.cli;

import ai.qbit.reports.load.ModelException;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.render.deck.DeckTemplate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code mvn exec:java -Dreport=2024 [-Ddeck.template=corp.pptx] [-Dverbose=true]}.
 * Exit codes: 0 success, 2 invalid model or arguments, 1 failure while rendering.
 */
public final class Main {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public static void main(String[] args) {
        if (Boolean.getBoolean("watch")) System.exit(Watch.fromProperties().run()); // -Dwatch=true: see Watch
        int code = run(Path.of(System.getProperty("root", ".")), System.getProperty("report"),
                Optional.ofNullable(System.getProperty("deck.template")).filter(s -> !s.isBlank()).map(Path::of),
                Boolean.getBoolean("verbose"),
                new PrintStream(System.out, true, StandardCharsets.UTF_8), new PrintStream(System.err, true, StandardCharsets.UTF_8));
        System.exit(code);
    }

    public static int run(Path root, String reportId, Optional<Path> deckTemplate, boolean verbose, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        List<String> reports = reports(root);
        if (reportId == null || reportId.isBlank()) {
            err.println("error: say which report to build: -Dreport=<id>. Reports in seeds/: " + String.join(", ", reports));
            return 2;
        }
        if (!PLAIN_NAME.matcher(reportId).matches()) {
            err.println("error: -Dreport=" + reportId + " is not a plain report name (letters, digits, - and _). Reports in seeds/: "
                    + String.join(", ", reports));
            return 2;
        }
        if (!reports.contains(reportId)) {
            err.println("error: no report \"" + reportId + "\" in seeds/. Reports in seeds/: "
                    + (reports.isEmpty() ? "(none)" : String.join(", ", reports)));
            return 2;
        }
        Generate g = new Generate(root, out);
        Report report;
        try {
            report = g.load(reportId);
        } catch (ModelException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        out.println("seeds/" + reportId + ": " + report.allChapters().size() + " chapters, " + report.datasets().size() + " datasets — valid");
        try {
            Generate.Summary s = g.render(report, deckTemplate);
            Path dir = root.resolve("output").resolve(reportId);
            g.write(report, s, dir);
            out.println("written to " + root.relativize(dir.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())
                    ? dir : dir.toAbsolutePath()));
            return 0;
        } catch (DeckTemplate.TemplateException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("error: cannot write the outputs: " + e.getMessage() + " (previous outputs are unchanged)");
            if (verbose) e.printStackTrace(err);
            return 1;
        } catch (Exception | Error e) {
            err.println("error: rendering failed: " + e + " (previous outputs are unchanged; -Dverbose=true shows the stack trace)");
            if (verbose) e.printStackTrace(err);
            return 1;
        }
    }

    static List<String> reports(Path root) {
        Path seeds = root.resolve("seeds");
        if (!Files.isDirectory(seeds)) return List.of();
        try (Stream<Path> s = Files.list(seeds)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("report.yaml"))).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
