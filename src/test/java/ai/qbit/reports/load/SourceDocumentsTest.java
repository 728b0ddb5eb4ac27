package ai.qbit.reports.load;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provenance: a value's numbers must be on a cited line, as whole numbers, thousands separators aside. */
class SourceDocumentsTest {
    private static boolean statedOn(String raw, String... lines) {
        List<SourceDocuments.Line> ls = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) ls.add(new SourceDocuments.Line("s.txt", i + 1, lines[i]));
        return SourceDocuments.statedOn(raw, ls);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "over 4,000        | Sales passed 4,000 units in 2024.",
            "over 4,000        | Sales passed 4000 units in 2024.",
            "4000              | Sales passed 4,000 units.",
            "4,000             | rose to 4,000.",
            "1.2 billion       | Output reached 1.2 billion kWh.",
            "1.2 billion       | Output reached 1.2 (billion kWh).",
            "2.5M              | about 2.5 million users",
            "about 29%         | the share was 29%.",
            "about 29%         | (29 per cent)",
            "1,234,567.5       | total 1234567.5",
            "between 140 and 200 | from 140 to 200 GW",
            "$3bn              | raised US$3 billion",
            "超2600万          | 夸克十月日活超过2600万。",
            "超2600万          | 日活超2600万",
            "接近2.7亿         | 累计下载量接近2.7亿",
            "2-8倍             | 训练速度提升2-8倍",
            "-19%              | 事件数量同比减少19%",
            "140-200万         | 猫箱、腾讯文档、文小言在140-200万之间",
            "五倍              | 达到Transformer模型的五倍",
            "1,200万           | 共1，200万人",
            "12288             | 12288卡Ampere架构训练集群",
    })
    void statedWhenEveryNumberIsOnTheLine(String raw, String line) {
        assertTrue(statedOn(raw, line), raw + " on " + line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "29%               | grew 1290 times",
            "29%               | up 2.9 points",
            "29%               | up 29.5%",
            "2.9               | up 29%",
            "4,000             | 14,000 units",
            "over 4,000        | 40,000 units",
            "over 4,000        | 4,0001 units",
            "1.2 billion       | 1.25 billion",
            "2.5M              | 12.5 million",
            "超2600万          | 超26000万",
            "2-8倍             | 提升2-9倍",
            "五倍              | 达到Transformer模型的四倍",
            "140-200万         | 在140万以上",
    })
    void notStatedWhenANumberIsOnlyPartOfAnother(String raw, String line) {
        assertFalse(statedOn(raw, line), raw + " on " + line);
    }

    @Test
    void eachNumberMayComeFromAnyCitedLine() {
        assertTrue(statedOn("140-200万", "最低140万", "最高200万"));
        assertFalse(statedOn("140-200万", "最低140万", "最高250万"));
        assertTrue(statedOn("3 to 5 million", "at least 3 million", "at most 5 million"));
        assertFalse(statedOn("over 4,000", "nothing here", "or here"));
    }

    @Test
    void lineNumbersAreTokenisedLikeValues() {
        assertEquals(List.of("14000", "2024"), ValueParser.digits("14,000 in 2024"));
        assertEquals(List.of("1", "23"), ValueParser.digits("1,23"), "a comma outside groups of three separates numbers");
    }
}
