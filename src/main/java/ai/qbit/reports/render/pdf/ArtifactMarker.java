package ai.qbit.reports.render.pdf;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Marks as /Artifact everything on a page that paints but is not real content: backgrounds, rules, borders,
 * running headers and footers. The output device marked the real content while painting; what is left
 * unmarked at the top level of a page's content stream is decoration. Runs of painting operators are wrapped
 * in one /Artifact BMC … EMC each, never across q/Q or a text object's edges.
 */
final class ArtifactMarker {
    private static final Set<String> PATH = Set.of("m", "l", "c", "v", "y", "h", "re");
    private static final Set<String> PAINT = Set.of("S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", "W", "W*",
            "Do", "sh", "BI", "EI", "ID");

    void mark(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) mark(doc, page);
    }

    private void mark(PDDocument doc, PDPage page) throws IOException {
        if (!page.hasContents()) return;
        List<Object> tokens = new PDFStreamParser(page).parse();
        List<Object> out = new ArrayList<>(tokens.size() + tokens.size() / 8);
        List<Object> operands = new ArrayList<>();
        int depth = 0;
        boolean inText = false;
        boolean inArtifact = false;
        for (Object t : tokens) {
            if (!(t instanceof Operator op)) {
                operands.add(t);
                continue;
            }
            String name = op.getName();
            if (depth == 0 && !inText) {
                boolean paints = name.equals("BT") || PATH.contains(name) || PAINT.contains(name);
                boolean breaks = name.equals("q") || name.equals("Q") || name.equals("BMC") || name.equals("BDC");
                if (inArtifact && breaks) {
                    out.add(Operator.getOperator("EMC"));
                    inArtifact = false;
                } else if (!inArtifact && paints) {
                    out.add(COSName.getPDFName("Artifact"));
                    out.add(Operator.getOperator("BMC"));
                    inArtifact = true;
                }
            }
            switch (name) {
                case "BMC", "BDC" -> depth++;
                case "EMC" -> depth--;
                case "BT" -> inText = true;
                case "ET" -> inText = false;
                default -> {
                }
            }
            out.addAll(operands);
            operands.clear();
            out.add(op);
        }
        if (inArtifact) out.add(Operator.getOperator("EMC"));
        out.addAll(operands);
        if (depth != 0) throw new IllegalStateException("unbalanced marked content on a page");
        PDStream stream = new PDStream(doc);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
            new ContentStreamWriter(os).writeTokens(out);
        }
        page.setContents(stream);
    }
}
