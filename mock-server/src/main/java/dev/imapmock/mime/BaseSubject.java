package dev.imapmock.mime;

/**
 * The base subject of RFC 5256 §2.1, which SORT SUBJECT and THREAD compare: the subject with its
 * encoded words decoded, its white space collapsed, and its reply and forward decorations
 * ({@code Re:}, {@code Fwd:}, {@code [list-tag]}, {@code (fwd)}, {@code [Fwd: ...]}) taken off,
 * over and over until nothing more comes off. The case of what is left is kept; callers compare
 * it with a case-insensitive collation. Pure and thread-safe.
 */
public final class BaseSubject {
    /** What the extraction leaves and whether it took off a reply or forward decoration. */
    public record Extracted(String base, boolean replyOrForward) {
    }

    private BaseSubject() {
    }

    /**
     * The base subject of a Subject header value as it stands in the message (encoded words,
     * folding and all); {@code ""} for a missing (null) or blank subject, or one that is nothing
     * but decorations.
     *
     * @param rawSubjectHeaderValue the Subject field's value, or null when the message has none
     * @return the base subject (RFC 5256 section 2.1), never null
     */
    public static String of(String rawSubjectHeaderValue) {
        return extract(rawSubjectHeaderValue).base();
    }

    /**
     * True when the subject marks a reply or forward: extracting its base subject took off a
     * {@code (fwd)} trailer (step 2), a {@code re:}/{@code fw:}/{@code fwd:} leader (step 3) or a
     * {@code [fwd: ...]} wrapper (step 6). THREAD=REFERENCES (RFC 5256 §5 step 5) needs this.
     *
     * @param rawSubjectHeaderValue the Subject field's value, or null when the message has none
     * @return true when a reply or forward decoration was taken off
     */
    public static boolean isReplyOrForward(String rawSubjectHeaderValue) {
        return extract(rawSubjectHeaderValue).replyOrForward();
    }

    /**
     * The base subject and whether it is a reply or forward, in one pass.
     *
     * @param rawSubjectHeaderValue the Subject field's value, or null when the message has none
     * @return the base subject and the reply-or-forward mark
     */
    public static Extracted extract(String rawSubjectHeaderValue) {
        if (rawSubjectHeaderValue == null) {
            return new Extracted("", false);
        }
        String s = collapseWhiteSpace(Decoding.decodeEncodedWords(rawSubjectHeaderValue));
        boolean replyOrForward = false;
        while (true) {
            // step 2: trailing "(fwd)" and white space
            int end = s.length();
            while (true) {
                if (end > 0 && s.charAt(end - 1) == ' ') {
                    end--;
                } else if (end >= 5 && s.regionMatches(true, end - 5, "(fwd)", 0, 5)) {
                    end -= 5;
                    replyOrForward = true;
                } else {
                    break;
                }
            }
            s = s.substring(0, end);
            // steps 3 to 5: leaders, then a leading blob if something is left after it
            boolean changed = true;
            while (changed) {
                changed = false;
                int leader = leaderEnd(s);
                if (leader > 0) {
                    replyOrForward |= s.charAt(0) != ' ';
                    s = s.substring(leader);
                    changed = true;
                }
                int blob = blobEnd(s, 0);
                if (blob > 0 && blob < s.length()) {
                    s = s.substring(blob);
                    changed = true;
                }
            }
            // step 6: "[fwd: subject]" unwraps, and everything starts over from step 2
            if (s.length() >= 6 && s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                replyOrForward = true;
                continue;
            }
            return new Extracted(s, replyOrForward);
        }
    }

    /**
     * Step 1 for white space: tabs and folding (CR, LF) become spaces, and runs of spaces become
     * one.
     */
    private static String collapseWhiteSpace(String value) {
        int first = 0;
        while (first < value.length() && !changes(value, first)) {
            first++;
        }
        if (first == value.length()) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length()).append(value, 0, first);
        boolean space = first > 0 && value.charAt(first - 1) == ' ';
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return sb.toString();
    }

    /** True when step 1 changes the character at {@code i}: a tab, CR or LF, or a space after a space. */
    private static boolean changes(String value, int i) {
        char c = value.charAt(i);
        return c == '\t' || c == '\r' || c == '\n' || c == ' ' && i > 0 && value.charAt(i - 1) == ' ';
    }

    /**
     * The end of the {@code subj-leader} at the start of {@code s}, or 0: one space, or
     * {@code *subj-blob subj-refwd} where {@code subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"}.
     */
    private static int leaderEnd(String s) {
        if (s.startsWith(" ")) {
            return 1;
        }
        int p = 0;
        for (int b = blobEnd(s, p); b > 0; b = blobEnd(s, p)) {
            p = b;
        }
        if (s.regionMatches(true, p, "re", 0, 2)) {
            p += 2;
        } else if (s.regionMatches(true, p, "fwd", 0, 3)) {
            p += 3;
        } else if (s.regionMatches(true, p, "fw", 0, 2)) {
            p += 2;
        } else {
            return 0;
        }
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        int blob = blobEnd(s, p);
        if (blob > 0) {
            p = blob;
        }
        return p < s.length() && s.charAt(p) == ':' ? p + 1 : 0;
    }

    /**
     * The end of the {@code subj-blob} starting at {@code from} ({@code "[" *BLOBCHAR "]" *WSP}),
     * or 0 when none starts there. The ABNF's BLOBCHAR is US-ASCII less NUL and the brackets; like
     * Dovecot, any character but the brackets and NUL is taken, so {@code [Ärger] x} loses its blob
     * too.
     */
    private static int blobEnd(String s, int from) {
        if (from >= s.length() || s.charAt(from) != '[') {
            return 0;
        }
        int p = from + 1;
        while (p < s.length() && s.charAt(p) != ']') {
            char c = s.charAt(p);
            if (c == '[' || c == 0) {
                return 0;
            }
            p++;
        }
        if (p >= s.length()) {
            return 0;
        }
        p++;
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }
}
