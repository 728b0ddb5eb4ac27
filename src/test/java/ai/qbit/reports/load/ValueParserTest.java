package ai.qbit.reports.load;

import ai.qbit.reports.model.Value;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueParserTest {
    private static Value parse(String raw, String unit) {
        return ValueParser.parse(raw, ValueParser.Unit.parse(unit)).value().orElseThrow();
    }

    @Test
    void convertsMagnitudesIntoTheDatasetUnitAndKeepsTheQualifier() {
        Value v = parse("接近2.7亿", "万");
        assertEquals(27000, v.low(), 1e-9);
        assertEquals("接近", v.qualifier());
        assertEquals("接近2.7亿", v.raw());
        assertEquals(2600, parse("超2600万", "万").low());
        assertEquals(13, parse("13万亿", "万亿").low());
    }

    @Test
    void rangesAndSuffixQualifiers() {
        Value r = parse("140-200万", "万");
        assertTrue(r.isRange());
        assertEquals(170, r.mid());
        Value s = parse("约380亿元以上", "亿元");
        assertEquals("约…以上", s.qualifier());
        assertEquals(380, s.low());
        assertEquals(-19, parse("-19%", "%").low());
    }

    @Test
    void rejectsWhatIsNotANumberOrHasTheWrongUnit() {
        assertTrue(ValueParser.parse("很多", ValueParser.Unit.parse("万")).value().isEmpty());
        assertTrue(ValueParser.parse("NaN", ValueParser.Unit.parse("万")).value().isEmpty());
        assertTrue(ValueParser.parse("200-100", ValueParser.Unit.parse("")).value().isEmpty());
        assertTrue(ValueParser.parse("30次", ValueParser.Unit.parse("%")).error().contains("does not match"));
    }

    @Test
    void digitGroupsAreWhatProvenanceChecks() {
        assertEquals(List.of("2.7"), ValueParser.digits("接近2.7亿"));
        assertEquals(List.of("140", "200"), ValueParser.digits("140-200万"));
    }
}
