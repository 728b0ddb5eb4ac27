package ai.qbit.reports.model;

/**
 * What a chapter is. The kind selects the chapter's numbering style, its profile (which fields it must carry) and
 * whether it gets slides and a brief, all set per report; no writer treats one kind specially.
 */
public enum ChapterKind {
    TREND, SECTION, CASE;

    public static java.util.Optional<ChapterKind> parse(String name) {
        for (ChapterKind k : values()) if (k.yamlName().equals(name)) return java.util.Optional.of(k);
        return java.util.Optional.empty();
    }

    public static String names() {
        return String.join(", ", java.util.Arrays.stream(values()).map(ChapterKind::yamlName).toList());
    }

    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
