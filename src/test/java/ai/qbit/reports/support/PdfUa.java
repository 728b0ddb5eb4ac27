package ai.qbit.reports.support;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** veraPDF's PDF/UA-1 validation of a file: the failed rules, each with its description and the pages it fails on. */
public final class PdfUa {
    private static final Pattern PAGE = Pattern.compile("pages\\[(\\d+)]");

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfUa() {
    }

    /** One line per failed rule: "7.1-3 (Content shall be marked …): 12 failures on pages 3, 4"; empty when compliant. */
    public static List<String> failures(Path pdf) throws Exception {
        Map<String, String> descriptions = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, TreeSet<Integer>> pages = new TreeMap<>();
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFUA_1);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFUA_1, false)) {
            ValidationResult result = validator.validate(parser);
            for (TestAssertion a : result.getTestAssertions()) {
                if (a.getStatus() != TestAssertion.Status.FAILED) continue;
                String rule = a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber();
                descriptions.putIfAbsent(rule, a.getMessage());
                counts.merge(rule, 1, Integer::sum);
                Matcher m = PAGE.matcher(a.getLocation() == null ? "" : String.valueOf(a.getLocation().getContext()));
                if (m.find()) pages.computeIfAbsent(rule, k -> new TreeSet<>()).add(Integer.parseInt(m.group(1)) + 1);
            }
        }
        List<String> out = new ArrayList<>();
        for (String rule : counts.keySet()) {
            TreeSet<Integer> p = pages.getOrDefault(rule, new TreeSet<>());
            out.add(rule + " (" + descriptions.get(rule) + "): " + counts.get(rule) + " failures"
                    + (p.isEmpty() ? "" : " on pages " + (p.size() > 12 ? p.headSet(p.stream().skip(12).findFirst().get()) + "…" : p)));
        }
        return out;
    }

    /** For a quick look from the command line: java … PdfUa FILE.pdf… */
    public static void main(String[] args) throws Exception {
        for (String a : args) {
            System.out.println("== " + a);
            failures(Path.of(a)).forEach(System.out::println);
        }
    }
}
