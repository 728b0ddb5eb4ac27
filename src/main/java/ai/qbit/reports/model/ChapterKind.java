package ai.qbit.reports.model;

/** What a chapter is; trends carry summary, key points, key figures, figures and a quote. */
public enum ChapterKind {
    TREND, SECTION, CASE;

    public String yamlName() {
        return name().toLowerCase();
    }
}
