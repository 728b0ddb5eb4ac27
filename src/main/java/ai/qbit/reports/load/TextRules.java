package ai.qbit.reports.load;

/** What text in the model may contain: anything XML 1.0 (and so PDF, OOXML) can carry. */
final class TextRules {
    private TextRules() {
    }

    /** "U+0001" for the first character XML cannot hold (C0 controls but tab and newline, U+FFFE/U+FFFF), else null. */
    static String controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!allowed(c)) return String.format("U+%04X", (int) c);
        }
        return null;
    }

    static String withoutControlCharacters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) if (allowed(s.charAt(i))) sb.append(s.charAt(i));
        return sb.toString();
    }

    private static boolean allowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }
}
