package ai.qbit.reports.load;

import ai.qbit.reports.model.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueParserTest {
    private static Value parse(String raw, String unit) {
        ValueParser.Result r = ValueParser.parse(raw, ValueParser.Unit.parse(unit));
        return r.value().orElseThrow(() -> new AssertionError(raw + " [" + unit + "]: " + r.error()));
    }

    /** The error for a value that must not parse. */
    private static String error(String raw, String unit) {
        ValueParser.Result r = ValueParser.parse(raw, ValueParser.Unit.parse(unit));
        assertTrue(r.value().isEmpty(), raw + " [" + unit + "] parsed as " + r.value());
        assertTrue(!r.error().isBlank(), raw);
        return r.error();
    }

    private static void assertValue(String raw, String unit, String qualifier, double low, double high) {
        Value v = parse(raw, unit);
        assertEquals(raw.strip(), v.raw(), "raw stays the whole string");
        assertEquals(qualifier, v.qualifier(), raw);
        assertEquals(low, v.low(), Math.abs(low) * 1e-12, raw + " low");
        assertEquals(high, v.high(), Math.abs(high) * 1e-12, raw + " high");
    }

    // ---- Chinese, as before ----

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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "超2600万     | 万   | 超     | 2600    | 2600",
            "超过2600万   | 万   | 超过   | 2600    | 2600",
            "接近2.7亿    | 万   | 接近   | 27000   | 27000",
            "约40%        | %    | 约     | 40      | 40",
            "−19%         | %    | ''     | -19     | -19",
            "30-50%       | %    | ''     | 30      | 50",
            "140～200万   | 万   | ''     | 140     | 200",
            "140至200万   | 万   | ''     | 140     | 200",
            "2-8倍        | ''   | ''     | 2       | 8",
            "10万以上     | ''   | 以上   | 100000  | 100000",
            "8%左右       | %    | 左右   | 8       | 8",
            "2600元       | 万元 | ''     | 0.26    | 0.26",
            "2600         | 万   | ''     | 2600    | 2600",
            "1.2亿        | 亿元 | ''     | 1.2     | 1.2",
            "40+          | %    | +      | 40      | 40",
    })
    void chineseFormsStillParse(String raw, String unit, String qualifier, double low, double high) {
        assertValue(raw, unit, qualifier, low, high);
    }

    @Test
    void rejectsWhatIsNotANumberOrHasTheWrongUnit() {
        assertTrue(ValueParser.parse("很多", ValueParser.Unit.parse("万")).value().isEmpty());
        assertTrue(ValueParser.parse("NaN", ValueParser.Unit.parse("万")).value().isEmpty());
        assertTrue(ValueParser.parse("200-100", ValueParser.Unit.parse("")).value().isEmpty());
        assertTrue(ValueParser.parse("30次", ValueParser.Unit.parse("%")).error().contains("does not match"));
    }

    // ---- English ----

    static final List<String> PREFIXES = ValueParser.ENGLISH_PREFIXES;

    @ParameterizedTest
    @FieldSource("PREFIXES")
    void everyEnglishPrefixIsKeptAsTheQualifier(String prefix) {
        assertValue(prefix + " 40%", "%", prefix, 40, 40);
        String upper = Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1);
        assertValue(upper + " 40%", "%", upper, 40, 40);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "about 29%              | %     | about          | 29      | 29",
            "About 29%              | %     | About          | 29      | 29",
            "approx. 40%            | %     | approx.        | 40      | 40",
            "more  than 4,000       | ''    | more  than     | 4000    | 4000",
            "AT LEAST 12 GW         | GW    | AT LEAST       | 12      | 12",
            "40+                    | ''    | +              | 40      | 40",
            "40 or more             | ''    | or more        | 40      | 40",
            "40 plus                | ''    | plus           | 40      | 40",
            "5 GW or more           | GW    | or more        | 5       | 5",
            "about 5 GW or more     | GW    | about…or more  | 5       | 5",
            "2.5M+                  | ''    | +              | 2500000 | 2500000",
    })
    void englishQualifiersPrefixAndSuffix(String raw, String unit, String qualifier, double low, double high) {
        assertValue(raw, unit, qualifier, low, high);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "4,000           | ''  | 4000",
            "over 4,000      | ''  | 4000",
            "1,234,567.5     | ''  | 1234567.5",
            "12,345 GW       | GW  | 12345",
            "0.75            | ''  | 0.75",
            "4000            | ''  | 4000",
    })
    void thousandsSeparatorsAndDecimals(String raw, String unit, double value) {
        assertEquals(value, parse(raw, unit).low(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,23", "1,2345", "12,345,67", "1,,000", "4000,"})
    void commasOnlyInGroupsOfThree(String raw) {
        String e = error(raw, "");
        assertTrue(e.contains("groups of three digits") && e.contains("4,000"), e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // raw                | dataset unit   | value in the dataset unit
            "2.5M                 | ''             | 2500000",
            "2.5M                 | million        | 2.5",
            "2.5 million          | million        | 2.5",
            "2.5 Million          | million        | 2.5",
            "40k                  | ''             | 40000",
            "40K                  | thousand       | 40",
            "3 mn                 | million        | 3",
            "3m                   | ''             | 3000000",
            "3bn                  | billion        | 3",
            "3B                   | million        | 3000",
            "1.5tn                | billion        | 1500",
            "1.5T                 | billion        | 1500",
            "2 thousand           | ''             | 2000",
            "1.2 trillion kWh     | billion kWh    | 1200",
            "1.2 billion kWh      | billion kWh    | 1.2",
            "1,200 kWh            | thousand kWh   | 1.2",
            "1.2 thousand GW      | GW             | 1200",
            "1.2 billion          | 亿             | 12",
            "3亿                  | million        | 300",
            "5 million tonnes     | million tonnes | 5",
    })
    void magnitudesConvertIntoTheDatasetUnit(String raw, String unit, double value) {
        assertEquals(value, parse(raw, unit).low(), Math.abs(value) * 1e-12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // an abbreviation glued to more letters is a unit, not a magnitude
            "5 MW     | MW     | 5",
            "5MW      | MW     | 5",
            "3 Mt     | Mt     | 3",
            "12 kWh   | kWh    | 12",
            "7 TWh    | TWh    | 7",
            "5 m²     | m²     | 5",
            // the dataset unit itself wins over a look-alike abbreviation
            "5 m      | m      | 5",
            "5m       | m      | 5",
            "10 t     | t      | 10",
            "2 T      | T      | 2",
    })
    void unitsThatLookLikeAbbreviationsStayUnits(String raw, String unit, double value) {
        assertEquals(value, parse(raw, unit).low(), 1e-9);
    }

    @Test
    void unitParseRecognisesALeadingMagnitudeWord() {
        assertEquals(new ValueParser.Unit(1e9, "kWh"), ValueParser.Unit.parse("billion kWh"));
        assertEquals(new ValueParser.Unit(1e6, ""), ValueParser.Unit.parse("million"));
        assertEquals(new ValueParser.Unit(1e6, "tonnes"), ValueParser.Unit.parse("Million tonnes"));
        assertEquals(new ValueParser.Unit(1e12, "USD"), ValueParser.Unit.parse("trillion USD"));
        assertEquals(new ValueParser.Unit(1e3, "GW"), ValueParser.Unit.parse("thousand GW"));
        assertEquals(new ValueParser.Unit(1, "MW"), ValueParser.Unit.parse("MW"));
        assertEquals(new ValueParser.Unit(1, "kWh"), ValueParser.Unit.parse("kWh"));
        assertEquals(new ValueParser.Unit(1, "millions"), ValueParser.Unit.parse("millions"));
        assertEquals(new ValueParser.Unit(1e8, "元"), ValueParser.Unit.parse("亿元"));
        assertEquals(new ValueParser.Unit(1e12, ""), ValueParser.Unit.parse("万亿"));
        assertEquals(new ValueParser.Unit(1, "%"), ValueParser.Unit.parse("%"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-19%              | %       | -19     | -19",
            "−19%              | %       | -19     | -19",
            "-2.5 million      | million | -2.5    | -2.5",
            "+22%              | %       | 22      | 22",
    })
    void negativeNumbers(String raw, String unit, double low, double high) {
        assertValue(raw, unit, "", low, high);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "140-200                  | ''             | ''      | 140     | 200",
            "140 - 200                | ''             | ''      | 140     | 200",
            "140–200                  | ''             | ''      | 140     | 200",
            "140 to 200               | ''             | ''      | 140     | 200",
            "140 TO 200               | ''             | ''      | 140     | 200",
            "between 140 and 200      | ''             | ''      | 140     | 200",
            "Between 140 and 200 GW   | GW             | ''      | 140     | 200",
            "3–5 million              | ''             | ''      | 3000000 | 5000000",
            "3–5 million tonnes       | million tonnes | ''      | 3       | 5",
            "3 to 5 million           | thousand       | ''      | 3000    | 5000",
            "about 3 to 5 million     | million        | about   | 3       | 5",
            "1,000–2,500 GW           | GW             | ''      | 1000    | 2500",
            "20–30 percent            | %              | ''      | 20      | 30",
            "up to 30-50%             | %              | up to   | 30      | 50",
    })
    void ranges(String raw, String unit, String qualifier, double low, double high) {
        assertValue(raw, unit, qualifier, low, high);
    }

    @Test
    void rangeErrors() {
        assertTrue(error("between 140-200", "").contains("between 140 and 200"));
        assertTrue(error("140 and 200", "").contains("between 140 and 200"));
        assertTrue(error("200 to 100", "").contains("runs backwards"));
        assertTrue(error("5–3 million", "million").contains("runs backwards"));
        error("140to200", "");
        error("3 million to 5 million", "million"); // one shared magnitude, after the second bound
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "29%            | %        | 29",
            "29 percent     | %        | 29",
            "29 Percent     | %        | 29",
            "29 per cent    | %        | 29",
            "29%            | percent  | 29",
            "30 GW          | GW       | 30",
            "30GW           | GW       | 30",
            "30 TWh         | TWh      | 30",
            "30 tonnes      | tonnes   | 30",
            "20℃            | ℃        | 20",
            "3/天           | /天      | 3",
            "30             | tonnes   | 30",
    })
    void theUnitAfterTheNumber(String raw, String unit, double value) {
        assertEquals(value, parse(raw, unit).low(), 1e-9);
    }

    @Test
    void aUnitThatIsNotTheDatasetsIsAnError() {
        String e = error("30 GW", "TWh");
        assertTrue(e.contains("unit \"GW\"") && e.contains("\"TWh\"") && e.contains("does not match"), e);
        assertTrue(error("29 percent", "GW").contains("does not match"));
        assertTrue(error("1.2 billion tonnes", "billion kWh").contains("does not match"));
        assertTrue(error("5 millions", "million").contains("declares no such unit"));
        assertTrue(error("30 tonnes", "million").contains("declares no such unit"));
        assertTrue(error("30次", "%").contains("does not match"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$3bn                 | billion USD   | 3",
            "$3 billion           | billion USD   | 3",
            "US$3.5 billion       | billion USD   | 3.5",
            "about $3bn           | billion $     | 3",
            "€40m                 | million EUR   | 40",
            "£2,000               | GBP           | 2000",
            "$3,000               | million USD   | 0.003",
            "$12 billion          | 亿美元        | 120",
    })
    void currencySymbolsWhenTheUnitNamesTheCurrency(String raw, String unit, double value) {
        assertEquals(value, parse(raw, unit).low(), Math.abs(value) * 1e-12);
    }

    @Test
    void currencyRangesShareTheSymbol() {
        assertValue("$3–5 million", "million USD", "", 3, 5);
        assertValue("$3–$5 million", "million USD", "", 3, 5);
        error("$3–€5 million", "million USD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "$3bn    | GW",
            "$3bn    | billion",
            "€5      | USD",
            "£5      | EUR",
            "US$5    | GBP",
            "$5      | 亿元",
    })
    void aCurrencyTheUnitDoesNotNameIsAnError(String raw, String unit) {
        String e = error(raw, unit);
        assertTrue(e.contains("currency") && e.contains(raw), e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "很多", "NaN", "", "about", "over four thousand", "%40", "4.", ".5", "about -", "40-", "US$"})
    void whatIsNotANumberExplainsWhatWasExpectedInBothLanguages(String raw) {
        String e = error(raw, "");
        for (String example : List.of("expected a number", "超2600万", "约40%", "about 29%", "over 4,000", "2.5M")) {
            assertTrue(e.contains(example), e);
        }
        assertTrue(e.contains("found \"" + raw + "\""), e);
    }

    @Test
    void errorMessagesAreEnglish() {
        for (String e : List.of(error("lots", ""), error("1,23", ""), error("30 GW", "TWh"), error("$3bn", "GW"),
                error("200 to 100", ""), error("between 1-2", ""), error("30 tonnes", ""))) {
            // Chinese appears only inside quoted examples, never as the message's own words
            String words = e.replaceAll("\\([^)]*\\)", "").replaceAll("\"[^\"]*\"", "");
            assertTrue(words.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), e);
        }
    }

    // ---- the numbers provenance searches for ----

    @Test
    void digitGroupsAreWhatProvenanceChecks() {
        assertEquals(List.of("2.7"), ValueParser.digits("接近2.7亿"));
        assertEquals(List.of("140", "200"), ValueParser.digits("140-200万"));
        assertEquals(List.of("4000"), ValueParser.digits("over 4,000"));
        assertEquals(List.of("1234567.5"), ValueParser.digits("1,234,567.5"));
        assertEquals(List.of("2.5"), ValueParser.digits("2.5M"));
        assertEquals(List.of("140", "200"), ValueParser.digits("between 140 and 200"));
        assertEquals(List.of("1200"), ValueParser.digits("共1，200万"));
        assertEquals(List.of("1", "23"), ValueParser.digits("1,23"));
        assertEquals(List.of("4000"), ValueParser.digits("rose to 4,000."));
        assertEquals(List.of(), ValueParser.digits("五倍"));
    }
}
