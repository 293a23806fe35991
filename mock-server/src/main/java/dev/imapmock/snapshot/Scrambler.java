package dev.imapmock.snapshot;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deterministic replacements of an anonymization: every choice is an HMAC-SHA256 of the seed
 * and the original, so the same seed gives the same fakes on every run, and an original maps to
 * the same fake everywhere (a person to one fake name and address, a word to one fake word, a
 * Message-ID to one fake id). Fake words keep the length of the original, letter for letter in
 * the same encoded size, digits for digits, so sizes hardly change. Not thread-safe.
 */
final class Scrambler {
    private static final String[] FIRST = {"Avery", "Blake", "Casey", "Dana", "Ellis", "Finley", "Gray", "Harper",
        "Indigo", "Jordan", "Kendall", "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Riley", "Sage",
        "Taylor", "Umber", "Vale", "Wren", "Xen", "Yael", "Zion", "Arden", "Briar", "Cypress", "Emery"};
    private static final String[] LAST = {"Ashford", "Brook", "Carver", "Dale", "Easton", "Fairley", "Garland",
        "Hollis", "Ives", "Jarvis", "Keats", "Lowell", "Marsh", "Norwood", "Oakes", "Pryor", "Quill", "Rowe",
        "Stroud", "Thorne", "Upton", "Vance", "Whitlow", "Yates", "Zeller", "Ainsley", "Birch", "Colby"};
    private static final String[] DOMAIN_WORDS = {"alder", "birch", "cedar", "delta", "ember", "fjord", "grove",
        "heron", "iris", "juniper", "kestrel", "lark", "maple", "nimbus", "orchid", "pine", "quartz", "raven"};
    /** Words kept as they are: the scaffolding of URLs, not anyone's data. */
    private static final Set<String> KEPT = Set.of("http", "https", "mailto", "www", "cid");
    private static final String LOWER_POOLS = "abcdefghijklmnopqrstuvwxyz|àáâäçèéêëìíîïñòóôöùúûüýÿ|αβγδεζηθικλμνξοπρστυφχψω|"
            + "абвгдежзийклмнопрстуфхцчшщыэюя|あいうえおかきくけこさしすせそたちつてと|的一是不了人我在有他这为之大来以个中上们";

    private final Mac mac;
    private final Map<String, String> words = new HashMap<>();
    private final Map<String, String[]> people = new HashMap<>();
    private final Set<String> fakeAddresses = new HashSet<>();
    private final Map<String, String> domains = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();
    private final String[][] pools;

    Scrambler(String seed) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
        String[] groups = LOWER_POOLS.split("\\|");
        pools = new String[groups.length][];
        for (int i = 0; i < groups.length; i++) {
            pools[i] = groups[i].codePoints().mapToObj(Character::toString).toArray(String[]::new);
        }
    }

    long hash(String kind, String value) {
        byte[] h = mac.doFinal((kind + "\0" + value).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(h).getLong() & Long.MAX_VALUE;
    }

    int people() {
        return people.size();
    }

    int distinctWords() {
        return words.size();
    }

    int distinctIds() {
        return ids.size();
    }

    /** The fake {first, last, address} of the person with this address (case-insensitive). */
    String[] person(String mailbox, String host) {
        String key = (mailbox + "@" + (host == null ? "" : host)).toLowerCase(Locale.ROOT);
        String[] known = people.get(key);
        if (known != null) {
            return known;
        }
        long h = hash("person", key);
        String first = FIRST[(int) (h % FIRST.length)];
        String last = LAST[(int) (h / FIRST.length % LAST.length)];
        String domain = host == null ? null : domain(host);
        String local = (first + "." + last).toLowerCase(Locale.ROOT);
        String address = domain == null ? local : local + "@" + domain;
        for (int n = 2; !fakeAddresses.add(address); n++) {
            address = domain == null ? local + n : local + n + "@" + domain;
        }
        String[] fake = {first, last, address};
        people.put(key, fake);
        return fake;
    }

    /** The fake domain of a domain: one {@code word-nn.example} per original, so shared domains stay shared. */
    String domain(String host) {
        return domains.computeIfAbsent(host.toLowerCase(Locale.ROOT), d -> {
            long h = hash("domain", d);
            String fake = DOMAIN_WORDS[(int) (h % DOMAIN_WORDS.length)] + "-" + (h / 31 % 100) + ".example";
            while (domains.containsValue(fake)) {
                fake = "x" + fake;
            }
            return fake;
        });
    }

    /** A message id ({@code <...>} without the brackets) to its fake, the same everywhere. */
    String id(String id) {
        return ids.computeIfAbsent(id, i -> String.format(Locale.ROOT, "%016x", hash("id", i)) + "@anonymized.example");
    }

    /**
     * Declares that {@code original} (a word of a display name) is to read {@code fake} wherever it
     * occurs, so the name in "Hi Alice" follows the fake name of Alice's address.
     */
    void name(String original, String fake) {
        if (original.length() > 1 && !KEPT.contains(original.toLowerCase(Locale.ROOT))) {
            words.putIfAbsent(original.toLowerCase(Locale.ROOT), fake.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Text with every word (run of letters or digits) replaced by its fake; everything else, and
     * the characters {@code encoder} (null: any) can't take, kept.
     */
    String text(String text, CharsetEncoder encoder) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            out.append(word(text.substring(i, end), encoder));
            i = end;
        }
        return out.toString();
    }

    private String word(String original, CharsetEncoder encoder) {
        String lower = original.toLowerCase(Locale.ROOT);
        if (KEPT.contains(lower)) {
            return original;
        }
        String fake = words.get(lower);
        if (fake == null || !encodable(fake, encoder)) {
            fake = invent(lower, encoder);
            words.putIfAbsent(lower, fake);
        }
        return withCase(original, fake);
    }

    private String invent(String lower, CharsetEncoder encoder) {
        for (int attempt = 0; ; attempt++) {
            long h = hash("word" + attempt, lower);
            StringBuilder sb = new StringBuilder();
            int[] cps = lower.codePoints().toArray();
            for (int k = 0; k < cps.length; k++) {
                long x = h ^ (0x9E3779B97F4A7C15L * (k + 1));
                x = (x ^ (x >>> 29)) & Long.MAX_VALUE;
                int cp = cps[k];
                if (Character.isDigit(cp)) {
                    sb.append((char) ('0' + x % 10));
                } else {
                    sb.append(letterLike(cp, x, encoder));
                }
            }
            String fake = sb.toString();
            if (!fake.equals(lower) || attempt > 8) {
                return fake;
            }
        }
    }

    /**
     * A letter that takes as many octets as {@code cp} in the charset, from the pool of its own script
     * first (Cyrillic stays Cyrillic, so a quoted-printable body keeps its {@code =XX} density).
     */
    private String letterLike(int cp, long x, CharsetEncoder encoder) {
        int size = size(Character.toString(cp), encoder);
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        List<String[]> order = new java.util.ArrayList<>();
        for (String[] pool : pools) {
            boolean ascii = pool[0].charAt(0) < 128;
            boolean same = cp < 128 ? ascii
                    : !ascii && Character.UnicodeScript.of(pool[pool.length - 1].codePointAt(0)) == script;
            if (same) {
                order.add(0, pool);
            } else if (!ascii || cp < 128) {
                order.add(pool);
            }
        }
        for (String[] pool : pools) {
            if (!order.contains(pool)) {
                order.add(pool);
            }
        }
        for (String[] pool : order) {
            String candidate = pool[(int) (x % pool.length)];
            if (encodable(candidate, encoder) && size(candidate, encoder) == size) {
                return candidate;
            }
        }
        return Character.toString(cp < 128 ? 'a' + (int) (x % 26) : cp);
    }

    private static boolean encodable(String s, CharsetEncoder encoder) {
        return encoder == null || encoder.canEncode(s);
    }

    private static int size(String s, CharsetEncoder encoder) {
        if (encoder == null) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        try {
            encoder.reset();
            return encoder.encode(CharBuffer.wrap(s)).remaining();
        } catch (CharacterCodingException e) {
            return -1;
        }
    }

    private static String withCase(String original, String fake) {
        int[] o = original.codePoints().toArray();
        int[] f = fake.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < f.length; k++) {
            boolean upper = k < o.length && Character.isUpperCase(o[k]);
            sb.appendCodePoint(upper ? Character.toUpperCase(f[k]) : f[k]);
        }
        return sb.toString();
    }

    /**
     * Octets with ASCII letters and digits scrambled word by word and every other octet kept, for
     * text in a charset nobody can decode: its line structure and size stay exact.
     */
    byte[] bytes(byte[] data) {
        byte[] out = data.clone();
        int i = 0;
        while (i < out.length) {
            if (!isAsciiAlnum(out[i])) {
                i++;
                continue;
            }
            int end = i;
            while (end < out.length && isAsciiAlnum(out[end])) {
                end++;
            }
            String fake = word(new String(out, i, end - i, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII.newEncoder());
            byte[] f = fake.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(f, 0, out, i, Math.min(f.length, end - i));
            i = end;
        }
        return out;
    }

    private static boolean isAsciiAlnum(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    }

    /** A strict encoder for {@code charset}: unmappable characters are errors, not question marks. */
    static CharsetEncoder encoder(Charset charset) {
        try {
            return charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        } catch (UnsupportedOperationException e) {
            return null;
        }
    }

    static List<String> firstNames() {
        return List.of(FIRST);
    }
}
