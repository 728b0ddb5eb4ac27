package ai.qbit.reports.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A process for {@link OutputFaultTest} to kill: writes output set A, then B, then A … into {@code args[0]} through
 * {@link StagedOutput}, forever, printing "ready" after the first switch. Sets are folders of files (args[1], args[2]).
 */
public final class OutputLoop {
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        List<Map<String, byte[]>> sets = new ArrayList<>();
        for (int i = 1; i < args.length; i++) sets.add(read(Path.of(args[i])));
        for (long n = 0; ; n++) {
            try (StagedOutput out = new StagedOutput(target)) {
                for (var e : sets.get((int) (n % sets.size())).entrySet()) out.write(e.getKey(), e.getValue());
                out.commit();
            }
            if (n == 0) {
                System.out.println("ready");
                System.out.flush();
            }
        }
    }

    static Map<String, byte[]> read(Path dir) throws Exception {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return m;
    }
}
