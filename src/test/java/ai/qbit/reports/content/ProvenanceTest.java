package ai.qbit.reports.content;

import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.load.ValueParser;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.SourceRef;
import ai.qbit.reports.model.Value;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Never invent a number: every charted value and key figure is stated, digits and all, on the seed line it cites. */
class ProvenanceTest {
    static final Report REPORT = new ReportLoader(Path.of("assets")).load(Path.of("seeds/2024"));

    static String line(SourceRef ref) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("seeds/2024/sources").resolve(ref.file()));
        return lines.get(ref.line() - 1).replace(",", "");
    }

    @Test
    void atLeastFifteenDatasetsEachWithUnitSourceAndProvenance() {
        assertTrue(REPORT.datasets().size() >= 15, "datasets: " + REPORT.datasets().size());
        for (Dataset d : REPORT.datasets().values()) {
            assertTrue(!d.from().isEmpty() && !d.source().isBlank(), d.id());
        }
    }

    @Test
    void everyValuesDigitsAreOnACitedLine() throws Exception {
        for (Dataset d : REPORT.datasets().values()) {
            for (Dataset.Series s : d.series()) {
                for (Optional<Value> v : s.values()) {
                    if (v.isEmpty()) continue;
                    for (String digits : ValueParser.digits(v.get().raw())) {
                        boolean found = false;
                        for (SourceRef ref : d.from()) found |= line(ref).contains(digits);
                        assertTrue(found, d.id() + ": " + v.get().raw() + " not on " + d.from());
                    }
                }
            }
        }
    }

    @Test
    void everyKeyFigureIsOnItsLine() throws Exception {
        for (Chapter c : REPORT.allChapters()) {
            for (KeyFigure k : c.keyFigures()) {
                String line = line(k.from());
                List<String> digits = ValueParser.digits(k.value());
                if (digits.isEmpty()) assertTrue(line.contains(k.value()), c.id() + ": " + k.value());
                for (String d : digits) assertTrue(line.contains(d), c.id() + ": " + k.value() + " not on " + k.from());
            }
        }
    }
}
