package ai.qbit.reports.render;

import ai.qbit.reports.lang.LanguagePack;
import ai.qbit.reports.lang.Numerals;
import ai.qbit.reports.model.Chapter;
import ai.qbit.reports.model.Dataset;
import ai.qbit.reports.model.Part;
import ai.qbit.reports.model.Report;

import java.time.format.DateTimeFormatter;

/**
 * The words every writer composes from the model and the language pack: chapter labels (趋势五 / Chapter 5),
 * full titles, kickers, figure numbers, unit lines and dates. One place, so the PDF, the deck and the briefs agree.
 */
public final class Labels {
    private final Report report;
    private final LanguagePack lang;

    public Labels(Report report) {
        this.report = report;
        this.lang = report.lang();
    }

    public LanguagePack lang() {
        return lang;
    }

    public String msg(String key, Object... args) {
        return lang.msg(key, args);
    }

    /** "趋势五", "Chapter 5", "5." — the chapter's number in its kind's style; empty for an unnumbered chapter. */
    public String chapter(Chapter c) {
        String style = report.numberingOf(c.kind());
        if (!c.isNumbered() || style.equals("none")) return "";
        String number = Numerals.format(c.number(), lang.msgOr("numbering." + style + ".numerals", "arabic"));
        return lang.msg("numbering." + style, number);
    }

    /** What a chapter is called when it has no number label: "案例" / "Case study" for a case; often empty. */
    public String kind(Chapter c) {
        return lang.msgOr("kind." + c.kind().yamlName(), "");
    }

    /** The label, or the kind's name when the chapter has no number: what the contents put before a title. */
    public String tocLabel(Chapter c) {
        String l = chapter(c);
        return l.isEmpty() ? kind(c) : l;
    }

    /** "PART 1" / "Part 1". */
    public String part(Part p) {
        return lang.msg("numbering.part", Numerals.format(p.number(), lang.msgOr("numbering.part.numerals", "arabic")));
    }

    /** Title and tagline for a numbered chapter ("AI应用竞争：多领域竞速…"); the title alone otherwise. */
    public String fullTitle(Chapter c) {
        return c.isNumbered() ? titleWithTagline(c) : c.title();
    }

    /** Title and tagline whatever the chapter's numbering (the deck's agenda shows every tagline). */
    public String titleWithTagline(Chapter c) {
        return c.tagline().isEmpty() ? c.title() : lang.msg("title.with.tagline", c.title(), c.tagline());
    }

    /** Label and full title, for bookmarks and document titles ("趋势五 AI应用竞争：…" / "Chapter 2 Wind power"). */
    public String heading(Chapter c) {
        String l = chapter(c);
        return l.isEmpty() ? fullTitle(c) : lang.msg("label.and.title", l, fullTitle(c));
    }

    /** The line above a chapter's title: the model's own kicker, or part · part title · label. */
    public String kicker(Chapter c) {
        if (!c.kicker().isEmpty()) return c.kicker();
        java.util.List<String> pieces = new java.util.ArrayList<>();
        report.partOf(c).filter(p -> !p.implicit()).ifPresent(p -> {
            pieces.add(part(p));
            pieces.add(p.title());
        });
        String l = tocLabel(c);
        if (!l.isEmpty()) pieces.add(l);
        return String.join(lang.msg("kicker.separator"), pieces);
    }

    /** "5-3" for the third figure of chapter 5; "A-1" in the first back-matter chapter; "3" in an unnumbered one. */
    public String figureNumber(Chapter c, int n) {
        if (c.isNumbered()) return c.number() + "-" + n;
        int back = report.back().indexOf(c);
        return back >= 0 ? Numerals.format(back + 1, "upper-alpha") + "-" + n : Integer.toString(n);
    }

    /** "单位：万" / "Unit: GW"; empty for a plain count. */
    public String unit(Dataset d) {
        return d.unit().isEmpty() ? "" : lang.msg("unit.label", d.unit());
    }

    /** The publication month, as the language writes it ("2024年12月" / "December 2024"). */
    public String date() {
        return report.date().format(DateTimeFormatter.ofPattern(lang.msg("date.month"), lang.locale()));
    }

    /** The publication day ("2024年12月13日" / "13 December 2024"). */
    public String day() {
        return report.date().format(DateTimeFormatter.ofPattern(lang.msg("date.day"), lang.locale()));
    }
}
