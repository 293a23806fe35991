package dev.imapmock.protocol;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gmail's search syntax as SEARCH X-GM-RAW takes it, for the documented subset: words and quoted
 * phrases (anywhere in the message), {@code from: to: subject:}, {@code is:unread is:read
 * is:starred}, {@code has:attachment}, {@code before: after:} with a date {@code yyyy/mm/dd},
 * {@code newer_than: older_than:} with an age such as {@code 2d}, {@code 3m} or {@code 1y},
 * {@code OR} between two terms, {@code -} before a term to negate it, and parentheses. Terms next
 * to each other must all match; OR binds closer than that, as in Gmail ({@code a OR b c} is
 * {@code (a OR b) c}). The query becomes ordinary {@link SearchKey}s, so one evaluator serves both.
 * {@code label:} and {@code in:} with a label's name (see {@link SearchKey.GmailLabel}). Anything
 * malformed is refused with a {@link ProtocolException} (BAD).
 */
public final class GmailRawQuery {
    private static final long DAY = 86_400;
    private final String text;
    private int pos;

    private GmailRawQuery(String text) {
        this.text = text;
    }

    /**
     * The query as one search key.
     *
     * @param query the X-GM-RAW text, Gmail's search syntax
     * @return the key, an {@link SearchKey.And} for several terms
     * @throws ProtocolException when the query is empty or malformed
     */
    public static SearchKey parse(String query) {
        GmailRawQuery q = new GmailRawQuery(query);
        SearchKey key = q.sequence(false);
        if (key == null) {
            throw new ProtocolException("X-GM-RAW needs a query, not an empty string");
        }
        return key;
    }

    private SearchKey sequence(boolean inParentheses) {
        List<SearchKey> keys = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (pos >= text.length()) {
                if (inParentheses) {
                    throw new ProtocolException("X-GM-RAW query has a ( without its )");
                }
                break;
            }
            if (text.charAt(pos) == ')') {
                if (!inParentheses) {
                    throw new ProtocolException("X-GM-RAW query has a ) without its (");
                }
                pos++;
                break;
            }
            keys.add(alternatives());
        }
        if (keys.isEmpty()) {
            if (inParentheses) {
                throw new ProtocolException("X-GM-RAW query has empty parentheses");
            }
            return null;
        }
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private SearchKey alternatives() {
        SearchKey key = unary();
        while (true) {
            int mark = pos;
            skipSpaces();
            if (text.startsWith("OR", pos) && (pos + 2 == text.length() || text.charAt(pos + 2) == ' ')) {
                pos += 2;
                skipSpaces();
                if (pos >= text.length() || text.charAt(pos) == ')') {
                    throw new ProtocolException("X-GM-RAW query has OR without a term after it");
                }
                key = new SearchKey.Or(key, unary());
            } else {
                pos = mark;
                return key;
            }
        }
    }

    private SearchKey unary() {
        char c = text.charAt(pos);
        if (c == '-') {
            pos++;
            if (pos >= text.length() || text.charAt(pos) == ' ' || text.charAt(pos) == ')') {
                throw new ProtocolException("X-GM-RAW query has - without a term after it");
            }
            return new SearchKey.Not(unary());
        }
        if (c == '(') {
            pos++;
            return sequence(true);
        }
        if (c == '"') {
            return new SearchKey.Text(quoted());
        }
        int start = pos;
        while (pos < text.length() && " ()\":".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == ':' && !word.isEmpty()) {
            pos++;
            return operator(word, value(word));
        }
        if (word.isEmpty()) {
            throw new ProtocolException("X-GM-RAW query has a stray " + text.charAt(pos));
        }
        return new SearchKey.Text(word);
    }

    private String value(String operator) {
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        int start = pos;
        while (pos < text.length() && " ()\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        if (start == pos) {
            throw new ProtocolException("X-GM-RAW operator " + operator + ": needs a value");
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        int close = text.indexOf('"', pos + 1);
        if (close < 0) {
            throw new ProtocolException("X-GM-RAW query has a \" without its closing \"");
        }
        String phrase = text.substring(pos + 1, close);
        pos = close + 1;
        return phrase;
    }

    private static SearchKey operator(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "from" -> new SearchKey.Envelope(SearchKey.EnvelopeField.FROM, value);
            case "to" -> new SearchKey.Envelope(SearchKey.EnvelopeField.TO, value);
            case "subject" -> new SearchKey.Envelope(SearchKey.EnvelopeField.SUBJECT, value);
            case "is" -> switch (v) {
                case "unread" -> new SearchKey.Flag(FlagNames.SEEN, false);
                case "read" -> new SearchKey.Flag(FlagNames.SEEN, true);
                case "starred" -> new SearchKey.Flag(FlagNames.FLAGGED, true);
                default -> throw new ProtocolException("X-GM-RAW knows is:unread, is:read and is:starred, not is:"
                        + ArgParsing.shorten(value));
            };
            case "has" -> {
                if (!v.equals("attachment")) {
                    throw new ProtocolException("X-GM-RAW knows has:attachment, not has:" + ArgParsing.shorten(value));
                }
                yield new SearchKey.HasAttachment();
            }
            case "before" -> new SearchKey.Date(SearchKey.DateSource.INTERNAL, SearchKey.DateComparison.BEFORE,
                    date(name, value));
            case "after" -> new SearchKey.Date(SearchKey.DateSource.INTERNAL, SearchKey.DateComparison.SINCE,
                    date(name, value));
            case "newer_than" -> new SearchKey.Within(SearchKey.Age.YOUNGER, age(name, v));
            case "older_than" -> new SearchKey.Within(SearchKey.Age.OLDER, age(name, v));
            case "label", "in" -> new SearchKey.GmailLabel(value);
            default -> throw new ProtocolException("X-GM-RAW operator " + ArgParsing.shorten(name) + ": is unknown");
        };
    }

    /** Gmail's {@code yyyy/mm/dd} (also with {@code -}). */
    private static LocalDate date(String operator, String value) {
        String[] parts = value.split("[/-]");
        try {
            if (parts.length == 3 && parts[0].length() == 4) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException | DateTimeException e) {
            // answered below
        }
        throw new ProtocolException("X-GM-RAW operator " + operator + ": needs a date such as 2026/03/04, not "
                + ArgParsing.shorten(value));
    }

    /** An age such as {@code 2d}: days, months (30 days) or years (365 days), in seconds. */
    private static long age(String operator, String value) {
        long unit = value.endsWith("d") ? DAY : value.endsWith("m") ? 30 * DAY : value.endsWith("y") ? 365 * DAY : 0;
        String digits = value.isEmpty() ? "" : value.substring(0, value.length() - 1);
        boolean ok = unit > 0 && !digits.isEmpty() && digits.length() <= 5 && digits.chars().allMatch(Character::isDigit);
        if (!ok || Long.parseLong(digits) == 0) {
            throw new ProtocolException("X-GM-RAW operator " + operator + ": needs an age such as 2d, 3m or 1y, not "
                    + ArgParsing.shorten(value));
        }
        return Long.parseLong(digits) * unit;
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
