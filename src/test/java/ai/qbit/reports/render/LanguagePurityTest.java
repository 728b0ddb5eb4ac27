package ai.qbit.reports.render;

import ai.qbit.reports.model.Report;
import ai.qbit.reports.support.Rendered;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every word the toolkit adds is in the report's language. For a report that is not in Chinese, no Han or CJK
 * character appears in any output (PDF text and bookmarks, slides, notes, chart XML, briefs, Markdown twins) unless
 * the model itself wrote that exact sequence; for a Chinese report, none of the English pack's phrases appears
 * unless the model wrote it.
 */
class LanguagePurityTest {
    /** CJK symbols and punctuation, CJK unified ideographs, half- and full-width forms. */
    static final Pattern CJK = Pattern.compile("[\\u3000-\\u303F\\u4E00-\\u9FFF\\uFF00-\\uFFEF]+");
    /** English words the toolkit prints that a Chinese report must not show (unless the model says them). */
    static final List<String> ENGLISH = List.of("Figure ", "Source: ", "Contents", "Key points", "Thank you", "Unit: ", "Notes",
            "Agenda", "Brief", "Chapter ", "Trend ");

    @ParameterizedTest
    @MethodSource(ReportPdfTest.IDS)
    void everyOutputSpeaksTheReportsLanguage(String id) throws Exception {
        check(Rendered.of(id));
    }

    static void check(Rendered r) throws Exception {
        String model = modelText(r.model());
        Map<String, String> outputs = outputs(r);
        Set<String> found = new TreeSet<>();
        if (!r.report().lang().locale().getLanguage().equals("zh")) {
            for (var e : outputs.entrySet()) {
                Matcher m = CJK.matcher(e.getValue());
                while (m.find()) if (!model.contains(m.group())) found.add(e.getKey() + ": \"" + m.group() + "\" in …" + around(e.getValue(), m.start()) + "…");
            }
            assertTrue(found.isEmpty(), r.id() + " (" + r.report().language() + "): CJK text the model never wrote:\n  " + String.join("\n  ", found));
        } else {
            List<String> phrases = new ArrayList<>(ENGLISH);
            phrases.addAll(englishPackPhrases());
            for (String phrase : phrases) {
                if (model.contains(phrase)) continue;
                for (var e : outputs.entrySet()) {
                    int at = e.getValue().indexOf(phrase);
                    if (at >= 0) found.add(e.getKey() + ": \"" + phrase + "\" in …" + around(e.getValue(), at) + "…");
                }
            }
            assertTrue(found.isEmpty(), r.id() + " (" + r.report().language() + "): English the model never wrote:\n  " + String.join("\n  ", found));
        }
    }

    private static String around(String s, int at) {
        return s.substring(Math.max(0, at - 30), Math.min(s.length(), at + 40)).replace('\n', ' ');
    }

    /** The model's own text: report.yaml, chapters/, datasets/. */
    static String modelText(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder(Files.readString(dir.resolve("report.yaml")));
        for (String sub : List.of("chapters", "datasets")) {
            if (!Files.isDirectory(dir.resolve(sub))) continue;
            try (Stream<Path> s = Files.walk(dir.resolve(sub))) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) sb.append('\n').append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    /** Phrases of two words or more from the built-in English pack, placeholders removed ("key points", "Full text on page" …). */
    static List<String> englishPackPhrases() throws IOException {
        Properties en = new Properties();
        try (var in = Files.newBufferedReader(Path.of("assets/lang/messages_en.properties"))) {
            en.load(in);
        }
        Set<String> out = new TreeSet<>();
        for (String v : en.stringPropertyNames().stream().map(en::getProperty).toList()) {
            for (String piece : v.split("\\{\\d+}")) {
                String p = piece.replaceAll("^[\\p{P}\\p{Z}\\s]+|[\\p{P}\\p{Z}\\s]+$", "");
                if (p.matches("\\p{L}+(?: \\p{L}+)+")) out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** Every text a reader or presenter gets, by file (and part of the file). */
    static Map<String, String> outputs(Rendered r) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        List<Path> pdfs = new ArrayList<>(List.of(r.file("report.pdf")));
        List<Path> mds = new ArrayList<>();
        try (Stream<Path> s = Files.list(r.file("briefs"))) {
            for (Path p : s.sorted().toList()) {
                if (p.toString().endsWith(".pdf")) pdfs.add(p);
                else if (p.toString().endsWith(".md")) mds.add(p);
            }
        }
        for (Path p : pdfs) {
            try (PDDocument d = Loader.loadPDF(p.toFile())) {
                String name = r.dir().relativize(p).toString();
                out.put(name, new PDFTextStripper().getText(d));
                StringBuilder marks = new StringBuilder();
                var outline = d.getDocumentCatalog().getDocumentOutline();
                if (outline != null) bookmarks(outline, marks);
                var info = d.getDocumentInformation();
                marks.append(info.getTitle()).append('\n').append(info.getSubject()).append('\n');
                out.put(name + " (bookmarks, metadata)", marks.toString());
            }
        }
        for (Path p : mds) out.put(r.dir().relativize(p).toString(), Files.readString(p));
        try (InputStream in = Files.newInputStream(r.file("deck.pptx")); XMLSlideShow show = new XMLSlideShow(in)) {
            for (XSLFSlide s : show.getSlides()) {
                StringBuilder text = new StringBuilder();
                for (XSLFShape sh : s.getShapes()) if (sh instanceof XSLFTextShape t) text.append(t.getText()).append('\n');
                out.put("deck.pptx slide " + s.getSlideNumber(), text.toString());
                out.put("deck.pptx notes " + s.getSlideNumber(), DeckTest.notesOf(s));
            }
            int i = 0;
            for (XSLFChart c : show.getCharts()) out.put("deck.pptx chart " + (++i), c.getCTChartSpace().xmlText());
        }
        return out;
    }

    private static void bookmarks(PDOutlineNode node, StringBuilder sb) {
        node.children().forEach(i -> {
            sb.append(i.getTitle()).append('\n');
            bookmarks(i, sb);
        });
    }
}
