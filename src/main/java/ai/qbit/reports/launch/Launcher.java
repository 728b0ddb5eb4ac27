package ai.qbit.reports.launch;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What {@code mvn exec:java -Dreport=…} runs: it starts the render in a JVM of its own, on a JDK new enough for an
 * ahead-of-time start-up cache ({@link JdkFinder}, {@link StartupCache}), with flags that suit the job, and passes its
 * exit code on. Maven's JVM loads our classes and the libraries through class loaders of its own, which no class-data
 * cache serves; a JVM of our own gets them from the cache, already loaded and linked. A one-off render (the default)
 * runs with the client compiler only, which is what a short batch needs; watch mode and the benchmark, which run long,
 * get the full tiered compilers. The flags of each come from the pom ({@code render.jvm.batch}, {@code render.jvm.long}).
 * <p>
 * {@code -Drender.cache=false} runs without the cache; {@code -Drender.jdk=/path} names the JDK; {@code -Drender.print=true}
 * prints the render JVM's command line instead of running it.
 */
public final class Launcher {
    /** The system properties the render reads, passed on to its JVM. */
    private static final Set<String> FORWARDED = Set.of("report", "root", "deck.template", "verbose", "allow.outside", "watch");
    private static final List<String> FORWARDED_PREFIXES = List.of("bench.", "watch.", "debug.", "render.");
    private static final String MAIN = "ai.qbit.reports.cli.Main";

    /** A render JVM's command and, when this run records the start-up cache, the cache to assemble after it. */
    public record Command(List<String> argv, StartupCache toAssemble) {
    }

    private final Properties props;
    private final PrintStream out;

    public Launcher(Properties props, PrintStream out) {
        this.props = props;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code;
        try {
            code = new Launcher(System.getProperties(), out).run();
        } catch (JdkFinder.NotFound e) {
            err.println("error: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            err.println("error: could not start the render: " + e);
            code = 1;
        }
        System.exit(code);
    }

    /** Long-running work (watch mode, the benchmark's warm runs) gets the optimising compiler too. */
    boolean longRunning() {
        String bench = props.getProperty("bench.mode");
        return Boolean.parseBoolean(props.getProperty("watch")) || (bench != null && !bench.equals("pdf"));
    }

    /** The render JVM's command line, for this launcher's properties. */
    public Command command() throws IOException, JdkFinder.NotFound {
        JdkFinder.Jdk jdk = JdkFinder.forThisMachine().find();
        Path root = Path.of(props.getProperty("root", ".")).toAbsolutePath().normalize();
        Path dir = root.resolve("target").resolve("launch");
        List<Path> classPath = ClassPath.jarred(ClassPath.of(Launcher.class), dir);
        List<String> batch = flags("render.jvm.batch");
        StartupCache cache = new StartupCache(dir, jdk, batch, classPath);

        List<String> argv = new ArrayList<>();
        argv.add(jdk.java().toString());
        argv.addAll(longRunning() ? flags("render.jvm.long") : batch);
        StartupCache toAssemble = null;
        if (!"false".equals(props.getProperty("render.cache"))) {
            if (cache.isValid()) {
                argv.addAll(cache.useFlags());
            } else if (!longRunning()) { // a watch session ends with Ctrl-C: the next one-off run makes the cache
                argv.addAll(cache.recordFlags());
                toAssemble = cache;
            }
        }
        argv.add("-cp");
        argv.add(join(classPath));
        for (String name : props.stringPropertyNames().stream().sorted().toList()) {
            if (FORWARDED.contains(name) || FORWARDED_PREFIXES.stream().anyMatch(name::startsWith)) {
                argv.add("-D" + name + "=" + props.getProperty(name));
            }
        }
        argv.add(MAIN);
        return new Command(argv, toAssemble);
    }

    public int run() throws IOException, JdkFinder.NotFound, InterruptedException {
        Command c = command();
        if (Boolean.parseBoolean(props.getProperty("render.print"))) { // the command alone, for a benchmark or a look
            out.println(String.join(" ", c.argv().stream().map(Launcher::shellWord).toList()));
            if (c.toAssemble() != null) c.toAssemble().discard();
            return 0;
        }
        if (c.toAssemble() != null) out.println("start-up cache: this run records what it loads, for the runs after it (once per build)");
        ProcessBuilder pb = new ProcessBuilder(c.argv()).inheritIO();
        // a recording JVM announces its file on stdout as it exits: that line is the launcher's business, not the user's
        if (c.toAssemble() != null) pb.redirectOutput(ProcessBuilder.Redirect.PIPE);
        Process child = pb.start();
        Thread copy = c.toAssemble() == null ? null : copyLines(child, out);
        // Ctrl-C reaches both JVMs; if only this one is stopped, the render is asked to stop too (and may clean up)
        Thread stop = new Thread(() -> {
            if (!child.isAlive()) return;
            child.destroy();
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly();
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "stop-render");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        if (copy != null) copy.join();
        Runtime.getRuntime().removeShutdownHook(stop);
        if (code != 0 && c.toAssemble() != null) c.toAssemble().discard();
        if (code == 0 && c.toAssemble() != null) {
            long t0 = System.nanoTime();
            try {
                c.toAssemble().assemble();
                out.printf(Locale.ROOT, "start-up cache: %s made in %.1f s; later runs start from it%n",
                        Path.of("").toAbsolutePath().relativize(c.toAssemble().cache()), (System.nanoTime() - t0) / 1e9);
            } catch (IOException e) {
                out.println("start-up cache: not made (" + e.getMessage() + "); runs go on without it");
            }
        }
        return code;
    }

    /** The child's output, line by line as it comes, without the JVM's note on the recording. */
    private static Thread copyLines(Process child, PrintStream out) {
        Thread t = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (!line.strip().startsWith("AOTConfiguration recorded:")) out.println(line);
                }
            } catch (IOException e) {
                // the render has ended; what it printed last is lost with it
            }
        }, "render-output");
        t.start();
        return t;
    }

    private List<String> flags(String property) {
        String v = props.getProperty(property);
        if (v == null) throw new IllegalStateException(property + " is not set (the pom sets it for exec:java)");
        return List.of(v.strip().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
    }

    /** An argument as a POSIX shell reads it back. */
    static String shellWord(String arg) {
        return arg.matches("[A-Za-z0-9_@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }

    static String join(List<Path> classPath) {
        return String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
    }
}
