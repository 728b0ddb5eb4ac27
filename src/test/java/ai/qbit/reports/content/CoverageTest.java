package ai.qbit.reports.content;

import ai.qbit.reports.support.Rendered2024;
import ai.qbit.reports.support.VisibleText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF is the whole report: at least 95% of the sentences of the source (15+ characters, outside the damaged
 * ranking tables and the residue of lost pictures) appear in the text a reader can extract from report.pdf.
 */
class CoverageTest {
    static final Path SOURCE = Path.of("seeds/2024/sources/002_60ebbbbbae8729be.txt");
    /** The conversion slips the model corrects (seeds/README.md); the source sentence is compared after them. */
    static final Map<String, String> SLIPS = Map.of("肯仑万维", "昆仑万维", "Transofrmer", "Transformer", "Tranformer", "Transformer",
            "MInimax", "MiniMax", "Minimax", "MiniMax");
    static final Pattern RESIDUE = Pattern.compile("^(图[：:]|Figure \\d|!\\[|insights|量子位智库$|QBITAI|# 年度AI|#* ?ACKNOWLEDGEMENT|统计截止至)");

    static String norm(String s) {
        String t = s.replaceAll("<sup>.*?</sup>", "").replaceAll("<[^>]+>", "").replaceAll("\\$", "")
                .replace("**", "").replace("\\_", "_").replace("\\*", "*");
        for (var e : SLIPS.entrySet()) t = t.replace(e.getKey(), e.getValue());
        // compare the words, not the typography: whitespace, punctuation and heading numbers are the layout's business
        t = t.replaceAll("^[#>\\-•·*■●\\s]+", "")
                .replaceAll("^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[)）]|\\d+\\.|[①②③④⑤⑥⑦⑧⑨])", "");
        return t.replaceAll("[\\s\\u3000\\p{P}\\p{S}]+", "");
    }

    static List<String> sentences() throws Exception {
        List<String> out = new ArrayList<>();
        boolean rankingTable = false;
        for (String line : Files.readAllLines(SOURCE)) {
            String l = line.strip();
            if (l.contains("榜单")) rankingTable = true;           // the damaged tables follow their title
            if (!l.startsWith("|") && !l.isEmpty() && !l.contains("榜单")) rankingTable = false;
            if (l.startsWith("|") && rankingTable) continue;
            if (l.contains(".....")) continue;                        // the source's own table of contents
            if (l.isEmpty() || RESIDUE.matcher(l).find() || l.matches("^\\|[-| ]+\\|$")) continue;
            String body = l.startsWith("|") ? l.replace("|", "。") : l;   // table cells are compared cell by cell
            for (String s : body.split("[。！？；\\n]")) {
                String n = norm(s);
                if (n.length() >= 15) out.add(n);
            }
        }
        return out;
    }

    @Test
    void atLeast95PercentOfTheSourceSentencesAreInThePdf() throws Exception {
        String pdf;
        try (PDDocument doc = Loader.loadPDF(Rendered2024.file("report.pdf").toFile())) {
            pdf = norm(String.join("", VisibleText.pages(doc, 22, true))) + "\n" + norm(String.join("", VisibleText.pages(doc, 22, false)));
        }
        List<String> all = sentences();
        List<String> missing = new ArrayList<>();
        for (String s : all) {
            if (!pdf.contains(s)) missing.add(s);
        }
        double coverage = 1 - (double) missing.size() / all.size();
        assertTrue(coverage >= 0.95, String.format("coverage %.1f%% of %d sentences; missing:%n  %s", coverage * 100, all.size(),
                String.join("\n  ", missing)));
        System.out.printf("coverage: %.1f%% of %d sentences; not found verbatim:%n  %s%n", coverage * 100, all.size(), String.join("\n  ", missing));
    }
}
