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
 * {@code mvn exec:java -Dreport=2024 [-Ddeck.template=corp.pptx] [-Dverbose=true] [-Dallow.outside=true]}.
 * Exit codes: 0 success, 2 invalid model or arguments, 1 failure while rendering. Whatever fails, the message is one
 * line (the stack trace only with -Dverbose=true).
 */
public final class Main {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public static void main(String[] args) {
        if (Boolean.getBoolean("watch")) System.exit(Watch.fromProperties().run()); // -Dwatch=true: see Watch
        if (System.getProperty("bench.mode") != null) { // -Dbench.mode=compare|pdf|watch: see Bench
            try {
                Bench.main(args);
                System.exit(0);
            } catch (Exception e) {
                System.err.println("error: the benchmark failed: " + oneLine(e));
                System.exit(1);
            }
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = run(Path.of(System.getProperty("root", ".")), System.getProperty("report"),
                    Optional.ofNullable(System.getProperty("deck.template")).filter(s -> !s.isBlank()).map(Path::of),
                    Boolean.getBoolean("verbose"), Boolean.getBoolean("allow.outside"),
                    new PrintStream(System.out, true, StandardCharsets.UTF_8), err);
        } catch (Throwable e) { // an argument Path.of cannot take, or anything else before a run starts
            err.println("error: " + oneLine(e) + VERBOSE_HINT);
            if (Boolean.getBoolean("verbose")) e.printStackTrace(err);
            code = 1;
        }
        System.exit(code);
    }

    private static final String VERBOSE_HINT = " (-Dverbose=true shows the stack trace)";

    public static int run(Path root, String reportId, Optional<Path> deckTemplate, boolean verbose, PrintStream out, PrintStream err) {
        return run(root, reportId, deckTemplate, verbose, false, out, err);
    }

    /** @param allowOutside build a report folder that is a link leaving the project */
    public static int run(Path root, String reportId, Optional<Path> deckTemplate, boolean verbose, boolean allowOutside,
                          PrintStream out, PrintStream err) {
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
        String outside = outsideProject(root, reportId);
        if (outside != null && !allowOutside) {
            err.println("error: seeds/" + reportId + " is a link to " + outside + ", outside the project; a report from elsewhere "
                    + "is built only when asked: -Dallow.outside=true");
            return 2;
        }
        Generate g = new Generate(root, out);
        Report report;
        try {
            report = g.load(reportId);
        } catch (ModelException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception | Error e) { // a loader bug must not surface raw: one line, the stack on request
            err.println("error: reading the model failed unexpectedly: " + oneLine(e) + VERBOSE_HINT);
            if (verbose) e.printStackTrace(err);
            return 1;
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
        } catch (StagedOutput.OutputException e) {
            err.println("error: cannot write the outputs: " + e.getMessage() + "; " + e.kept());
            if (verbose) e.printStackTrace(err);
            return 1;
        } catch (Exception | Error e) {
            err.println("error: rendering failed: " + oneLine(e) + " (nothing was written: the previous outputs are unchanged)" + VERBOSE_HINT);
            if (verbose) e.printStackTrace(err);
            return 1;
        }
    }

    /** The real folder of seeds/&lt;id&gt; when it lies outside the project root, else null. */
    static String outsideProject(Path root, String reportId) {
        try {
            Path real = root.resolve("seeds").resolve(reportId).toRealPath();
            return real.startsWith(root.toRealPath()) ? null : real.toString();
        } catch (IOException e) {
            return null; // reported by the loader
        }
    }

    /** An exception as one line: its type and message, the first line only. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m != null) {
            int nl = m.indexOf('\n');
            if (nl >= 0) m = m.substring(0, nl) + " …";
        }
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
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
