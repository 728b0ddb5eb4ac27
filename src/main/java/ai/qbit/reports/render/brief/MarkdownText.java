package ai.qbit.reports.render.brief;

import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Value;

import java.util.ArrayList;
import java.util.List;

/** Escaping for the Markdown twin: text stays text whatever characters the model holds. */
public final class MarkdownText {

    /** Prose: CommonMark punctuation that could start markup is backslash-escaped; lines are joined. */
    public String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char ch : s.replace("\r", "").replace('\n', ' ').toCharArray()) {
            if ("\\`*_[]<>#|~".indexOf(ch) >= 0) sb.append('\\');
            sb.append(ch);
        }
        return sb.toString();
    }

    /** A table cell: as prose (the pipe is escaped there too). */
    public String cell(String s) {
        return text(s);
    }

    /** The dataset as table rows: category, then each series' value as stated ("超2600万"), "—" where none. */
    public List<List<String>> rows(Dataset d) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < d.categories().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(d.categories().get(i));
            for (Dataset.Series s : d.series()) row.add(s.values().get(i).map(Value::raw).orElse("—"));
            rows.add(row);
        }
        return rows;
    }
}
