package ai.qbit.reports.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK the render runs on: one named explicitly ({@code -Drender.jdk=…} or {@code RENDER_JDK}), else
 * {@code JAVA_HOME} or the JVM Maven runs on when new enough, else the newest one installed where JDKs usually live
 * (as Maven's toolchains discovery does). The render needs {@link #MINIMUM} for its ahead-of-time start-up cache, and
 * the tests run on the same JDK (the toolchain in the pom), since text measurement differs between JDKs.
 */
public final class JdkFinder {
    /** JDK 25: the AOT cache of loaded and linked classes and method profiles (JEP 483, 514, 515). */
    public static final int MINIMUM = 25;

    /** A JDK: its home and feature version. */
    public record Jdk(Path home, int feature, String version) {
        public Path java() {
            return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        }
    }

    /** Why no JDK could be used, as one line. */
    public static final class NotFound extends Exception {
        NotFound(String message) {
            super(message);
        }
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([0-9]+)([^\"\\n]*)\"?");

    private final String explicit;
    private final List<Path> preferred;
    private final List<Path> roots;

    /**
     * @param explicit  a JDK home the user named, or null
     * @param preferred homes to take first when new enough ({@code JAVA_HOME}, the running JVM)
     * @param roots     folders holding JDK homes, searched when neither gives one
     */
    public JdkFinder(String explicit, List<Path> preferred, List<Path> roots) {
        this.explicit = explicit == null || explicit.isBlank() ? null : explicit.strip();
        this.preferred = List.copyOf(preferred);
        this.roots = List.copyOf(roots);
    }

    /** The finder for this machine: system property, environment, the usual install folders of Linux and macOS. */
    public static JdkFinder forThisMachine() {
        Map<String, String> env = System.getenv();
        String explicit = Optional.ofNullable(System.getProperty("render.jdk")).filter(s -> !s.isBlank()).orElse(env.get("RENDER_JDK"));
        List<Path> preferred = new ArrayList<>();
        if (env.get("JAVA_HOME") != null && !env.get("JAVA_HOME").isBlank()) preferred.add(Path.of(env.get("JAVA_HOME")));
        preferred.add(Path.of(System.getProperty("java.home")));
        String home = System.getProperty("user.home");
        List<Path> roots = List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt"),
                Path.of(home, ".sdkman", "candidates", "java"), Path.of(home, ".jdks"),
                Path.of("/Library/Java/JavaVirtualMachines"), Path.of(home, "Library", "Java", "JavaVirtualMachines"));
        return new JdkFinder(explicit, preferred, roots);
    }

    public Jdk find() throws NotFound {
        if (explicit != null) {
            Jdk jdk = read(Path.of(explicit)).orElseThrow(() -> new NotFound("render.jdk=" + explicit + " is not a JDK (no bin/java and release file there)"));
            if (jdk.feature() < MINIMUM) {
                throw new NotFound("render.jdk=" + explicit + " is Java " + jdk.version() + "; the render needs Java " + MINIMUM + " or newer");
            }
            return jdk;
        }
        for (Path p : preferred) {
            Optional<Jdk> jdk = read(p).filter(j -> j.feature() >= MINIMUM);
            if (jdk.isPresent()) return jdk.get();
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<Jdk> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.list(root)) {
                for (Path dir : s.sorted().toList()) {
                    for (Path home : List.of(dir, dir.resolve("Contents").resolve("Home"))) {
                        Optional<Jdk> jdk = read(home);
                        if (jdk.isPresent() && seen.add(real(jdk.get().home()))) found.add(jdk.get());
                    }
                }
            } catch (IOException e) {
                // an unreadable folder holds no JDK we can use
            }
        }
        return found.stream().filter(j -> j.feature() >= MINIMUM)
                .max(Comparator.comparingInt(Jdk::feature).thenComparing(Jdk::version, JdkFinder::compareVersions))
                .orElseThrow(() -> new NotFound("the render needs Java " + MINIMUM + " or newer and none was found"
                        + (found.isEmpty() ? "" : " (found: " + String.join(", ", found.stream().map(j -> j.home() + " = " + j.version()).toList()) + ")")
                        + "; install one (e.g. Temurin " + MINIMUM + ") or name it: -Drender.jdk=/path/to/jdk"));
    }

    /** The JDK at {@code home}: it has bin/java and a release file naming its version. */
    static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(home.resolve("bin").resolve(isWindows() ? "java.exe" : "java"))) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
            if (!m.find()) return Optional.empty();
            int feature = Integer.parseInt(m.group(1));
            if (feature == 1) { // 1.8.0_…
                Matcher old = Pattern.compile("^\\.([0-9]+)").matcher(m.group(2));
                feature = old.find() ? Integer.parseInt(old.group(1)) : 1;
            }
            return Optional.of(new Jdk(home.toAbsolutePath().normalize(), feature, m.group(1) + m.group(2)));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** 25.0.10 after 25.0.9: numeric parts compared as numbers. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[^0-9]+"), y = b.split("[^0-9]+");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i]) : 0, q = i < y.length && !y[i].isEmpty() ? Long.parseLong(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
