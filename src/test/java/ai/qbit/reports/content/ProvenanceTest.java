package ai.qbit.reports.content;

import ai.qbit.reports.load.ReportLoader;
import ai.qbit.reports.load.ValueParser;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.KeyFigure;
import ai.qbit.reports.model.Report;
import ai.qbit.reports.model.SourceRef;
import ai.qbit.reports.model.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never invent a number, in any report: every charted value and key figure is stated, digits and all, on the seed
 * line it cites; every dataset names its source and provenance.
 */
class ProvenanceTest {
    static Report load(String id) {
        return new ReportLoader(Path.of("assets")).load(Path.of("seeds", id));
    }

    static String line(String id, SourceRef ref) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("seeds", id, "sources").resolve(ref.file()));
        return lines.get(ref.line() - 1).replace(",", "");
    }

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void everyDatasetHasASourceAndProvenance(String id) {
        Report r = load(id);
        assertTrue(!r.datasets().isEmpty(), id + " has datasets");
        for (Dataset d : r.datasets().values()) assertTrue(!d.from().isEmpty() && !d.source().isBlank(), d.id());
    }

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void everyValuesDigitsAreOnACitedLine(String id) throws Exception {
        for (Dataset d : load(id).datasets().values()) {
            for (Dataset.Series s : d.series()) {
                for (Optional<Value> v : s.values()) {
                    if (v.isEmpty()) continue;
                    for (String digits : ValueParser.digits(v.get().raw())) {
                        boolean found = false;
                        for (SourceRef ref : d.from()) found |= line(id, ref).contains(digits);
                        assertTrue(found, d.id() + ": " + v.get().raw() + " not on " + d.from());
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ai.qbit.reports.support.Rendered#ids")
    void everyKeyFigureIsOnItsLine(String id) throws Exception {
        for (Chapter c : load(id).allChapters()) {
            for (KeyFigure k : c.keyFigures()) {
                String line = line(id, k.from());
                List<String> digits = ValueParser.digits(k.value());
                if (digits.isEmpty()) assertTrue(line.contains(k.value()), c.id() + ": " + k.value());
                for (String d : digits) assertTrue(line.contains(d), c.id() + ": " + k.value() + " not on " + k.from());
            }
        }
    }
}
