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

    /**
     * Reports, per line, the first control character (no document format can hold one) or character that is
     * invisible yet changes what a reader sees: bidi overrides and
     * isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around them, zero-width and other format characters
     * (U+200B–U+200F, U+2060, U+FEFF inside the text …) hide in words, links and numbers. A byte-order mark at the
     * very start of a file is allowed.
     */
    static void checkInvisible(String text, String file, Problems problems) {
        int line = 1, col = 1;
        boolean reported = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == '\n') {
                line++;
                col = 1;
                reported = false;
            } else {
                boolean invisible = (Character.getType(cp) == Character.FORMAT && !(cp == 0xFEFF && i == 0))
                        || cp == 0x2028 || cp == 0x2029;
                boolean control = cp < 0x10000 && !allowed((char) cp);
                if ((invisible || control) && !reported) {
                    String name = Character.getName(cp);
                    problems.add(file, line, col, "", (control ? "the control character U+" : "the invisible character U+")
                            + String.format(java.util.Locale.ROOT, "%04X", cp) + (name == null ? "" : " (" + name + ")")
                            + (control ? ", which no document format can hold; delete it" : " would hide in the text or reorder it; delete it"));
                    reported = true;
                }
                col++;
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * Characters without a break opportunity: a longer word would run off the line of a brief or a slide (the
     * longest real ones are web addresses written out, 44 characters in renewables-2023).
     */
    static final int MAX_WORD = 60;

    /** The first word of {@code s} longer than {@link #MAX_WORD}, or null. Chinese text breaks between any two characters. */
    static String longWord(String s) {
        int start = -1;
        for (int i = 0; i <= s.length(); ) {
            int cp = i < s.length() ? s.codePointAt(i) : ' ';
            boolean breaks = Character.isWhitespace(cp) || MarkdownReader.isCjk(cp);
            if (breaks) {
                if (start >= 0 && s.codePointCount(start, i) > MAX_WORD) return s.substring(start, i);
                start = -1;
            } else if (start < 0) {
                start = i;
            }
            i += i < s.length() ? Character.charCount(cp) : 1;
        }
        return null;
    }

    /** The length of the longest unbreakable word of {@code s}. */
    static int longestWord(String s) {
        int longest = 0, run = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            run = Character.isWhitespace(cp) || MarkdownReader.isCjk(cp) ? 0 : run + 1;
            longest = Math.max(longest, run);
            i += Character.charCount(cp);
        }
        return longest;
    }

    static String longWordMessage(String word) {
        return "the word \"" + YNode.abbreviate(word) + "\" has " + word.codePointCount(0, word.length()) + " characters without a break; at most "
                + MAX_WORD + " fit a line; add spaces or shorten it";
    }

    /** {@code s} with control and format characters shown as U+XXXX, for messages. */
    static String visible(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) sb.append(String.format(java.util.Locale.ROOT, "U+%04X", cp));
            else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }
}
