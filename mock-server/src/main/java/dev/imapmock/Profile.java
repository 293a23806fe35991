package dev.imapmock;

import dev.imapmock.sasl.Mechanisms;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What makes a server answer like one provider: its greeting, its CAPABILITY lists before and
 * after login (and so the extensions and SASL mechanisms it offers), the folders every account
 * starts with and their special uses, and a few documented behaviours (no {@code \Recent},
 * password logins refused). A profile is configuration, read by the same handlers as always;
 * every setting it makes can be overridden with the builder, whatever the order of the calls
 * ({@code builder().profile(Profile.GMAIL).without(Extension.IDLE)}). Sources of each value
 * are in docs/profiles.md.
 *
 * <p>A profile is written in a small line format, the one {@link #load(Path)} reads:
 * <pre>
 * # a comment
 * name          yahoo
 * greeting      IMAP4rev1 Hello
 * delimiter     /
 * capabilities-before  IMAP4rev1 SASL-IR ID AUTH=PLAIN AUTH=XOAUTH2
 * capabilities-after   IMAP4rev1 ID MOVE UIDPLUS APPENDLIMIT=41697280
 * folder        Sent \Sent
 * folder        [Gmail] \Noselect
 * recent        off
 * labels        on
 * login-refusal {command} failed.
 * quota-root    ""
 * </pre>
 * Capability lists start with {@code IMAP4rev1}; each further name is an {@link Extension}
 * ({@code APPENDLIMIT=n} also sets the limit) or {@code AUTH=mechanism} (before login only: the
 * mechanisms offered, in that order). {@code delimiter} is the hierarchy delimiter, {@code /} when
 * not given: one printable ASCII character other than space, {@code *}, {@code %}, {@code "} and
 * {@code \}; folder names have it between their levels. {@code quota-root} names every account's
 * quota root (RFC 9208 §3.2), {@code "User quota"} when not given: printable ASCII, in double
 * quotes when it is empty or holds a space ({@code ""} is Gmail's). Immutable.
 */
public final class Profile {
    /** The quota root's name unless a profile names another: Dovecot's with {@code quota = count:User quota}. */
    public static final String DEFAULT_QUOTA_ROOT = "User quota";

    /** ImapMock's own behaviour, as Dovecot 2.3 answers: the default. */
    public static final Profile DOVECOT = builtIn("dovecot", """
            name dovecot
            """);

    /** Gmail (imap.gmail.com): its greeting, capabilities and {@code [Gmail]/} folders, no {@code \Recent}. */
    public static final Profile GMAIL = builtIn("gmail", """
            name gmail
            greeting Gimap ready for requests from {client} a1b2c3d4e5mb
            capabilities-before IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 SASL-IR AUTH=XOAUTH2 AUTH=PLAIN AUTH=OAUTHBEARER
            capabilities-after IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS COMPRESS=DEFLATE ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED LIST-STATUS LITERAL- SPECIAL-USE APPENDLIMIT=35651584
            folder [Gmail] \\Noselect
            folder [Gmail]/All Mail \\All
            folder [Gmail]/Drafts \\Drafts
            folder [Gmail]/Important \\Important
            folder [Gmail]/Sent Mail \\Sent
            folder [Gmail]/Spam \\Junk
            folder [Gmail]/Starred \\Flagged
            folder [Gmail]/Trash \\Trash
            recent off
            labels on
            quota-root ""
            """);

    /**
     * Microsoft 365 (outlook.office365.com): its greeting and smaller capability set, its folder
     * names without special-use attributes, and password logins refused as tenants without
     * basic authentication refuse them; XOAUTH2 works.
     */
    public static final Profile OUTLOOK = builtIn("outlook", """
            name outlook
            greeting The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADEAMQBDAEEAMAAwADEANQAuAG4AYQBtAHAAcgBkADEAMQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]
            capabilities-before IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+
            capabilities-after IMAP4rev1 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+
            folder Archive \\Archive
            folder Deleted Items \\Trash
            folder Drafts \\Drafts
            folder Junk Email \\Junk
            folder Outbox
            folder Sent Items \\Sent
            login-refusal {command} failed.
            """);

    /**
     * Bare IMAP4rev1 as RFC 3501 requires it: no extension at all; {@code AUTH=PLAIN}, which
     * RFC 3501 §6.1.1 makes mandatory to implement (STARTTLS and LOGINDISABLED too, which
     * appear when the server speaks TLS and requires it); no special-use folders.
     */
    public static final Profile MINIMAL = builtIn("minimal", """
            name minimal
            capabilities-before IMAP4rev1 AUTH=PLAIN
            capabilities-after IMAP4rev1
            """);

    /** A built-in profile's lines and what its errors would call them; null for a profile read at once. */
    private final String text;
    private final String source;
    /**
     * What the lines say. A built-in profile reads its lines on first use, so that a start which
     * never uses it does not run its parser (a few milliseconds of a fresh JVM's start). Two
     * threads may both read them; the settings are immutable and equal.
     */
    private volatile Settings settings;

    private Profile(String text, String source, Settings settings) {
        this.text = text;
        this.source = source;
        this.settings = settings;
    }

    /**
     * The built-in profile of this name ({@code dovecot}, {@code gmail}, {@code outlook},
     * {@code minimal}), one shipped as a resource ({@code yahoo}, {@code icloud}), a profile file
     * on the classpath (the context class loader's), or else a profile file at this path. The
     * built-in names are matched in any case and return the same instance on every call.
     *
     * @param nameOrFile a profile's name, a classpath resource name or a file path
     * @return the profile
     * @throws IllegalArgumentException when there is no such profile, or the file is malformed
     *                                  (its message names the line and the reason)
     * @throws UncheckedIOException     when a resource or the file cannot be read
     */
    public static Profile named(String nameOrFile) {
        Objects.requireNonNull(nameOrFile, "nameOrFile");
        Profile builtIn = switch (nameOrFile.toLowerCase(Locale.ROOT)) {
            case "dovecot" -> DOVECOT;
            case "gmail" -> GMAIL;
            case "outlook" -> OUTLOOK;
            case "minimal" -> MINIMAL;
            default -> null;
        };
        if (builtIn != null) {
            return builtIn;
        }
        if (nameOrFile.matches("[a-z0-9-]+")) {
            try (InputStream in = Profile.class.getResourceAsStream("profiles/" + nameOrFile + ".profile")) {
                if (in != null) {
                    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrFile);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader != null) {
            try (InputStream in = loader.getResourceAsStream(nameOrFile)) {
                if (in != null) {
                    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), nameOrFile);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No profile " + nameOrFile + ": the profiles are dovecot, gmail, outlook,"
                    + " minimal, yahoo and icloud, or give a profile file");
        }
        return load(file);
    }

    /**
     * Reads a profile file (the format above), as UTF-8.
     *
     * @param file the profile file
     * @return the profile the file describes
     *
     * @throws IllegalArgumentException when the file is malformed or contradicts itself: the
     *                                  message names the file, the line number and the reason
     * @throws UncheckedIOException     when it cannot be read
     */
    public static Profile load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Can't read the profile " + file, e);
        }
    }

    /**
     * Reads a profile from its text (the format above).
     *
     * @param text   the profile's lines, separated by LF or CRLF
     * @param source what error messages call the text, such as a file name
     * @return the profile the text describes
     *
     * @throws IllegalArgumentException as {@link #load(Path)}
     */
    public static Profile parse(String text, String source) {
        Parser p = new Parser(source);
        // Split by hand, not with a regular expression: the built-in profiles are read when the
        // class loads, on the path of every first start.
        int number = 0;
        int start = 0;
        while (true) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf;
            p.line(++number, text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end));
            if (lf < 0) {
                break;
            }
            start = lf + 1;
        }
        p.finish(number);
        return new Profile(null, null, new Settings(p));
    }

    /** A profile whose lines, known to be good, are read on first use. */
    private static Profile builtIn(String name, String text) {
        return new Profile(text, "the " + name + " profile", null);
    }

    private Settings settings() {
        Settings read = settings;
        if (read == null) {
            read = parse(text, source).settings;
            settings = read;
        }
        return read;
    }

    /** {@return the profile's name, its {@code name} line, such as {@code gmail}} */
    public String name() {
        return settings().name();
    }

    /**
     * {@return the greeting's text after {@code * OK }, {@code {client}} standing for the client's
     * address and {@code {capability}} for the response code {@code [CAPABILITY ...]}; null when
     * the server greets as ImapMock does ({@code [CAPABILITY ...] ImapMock ready.})}
     */
    public String greeting() {
        return settings().greeting();
    }

    /**
     * {@return the extensions CAPABILITY names before login, in order, as an unmodifiable list;
     * null for ImapMock's defaults}
     */
    public List<Extension> capabilitiesBeforeLogin() {
        return settings().beforeLogin();
    }

    /**
     * {@return the extensions CAPABILITY names after login, in order, as an unmodifiable list;
     * null for ImapMock's defaults}
     */
    public List<Extension> capabilitiesAfterLogin() {
        return settings().afterLogin();
    }

    /**
     * {@return the extensions offered, those of both lists, as a new set on each call; null for
     * ImapMock's defaults}
     */
    public Set<Extension> extensions() {
        List<Extension> beforeLogin = capabilitiesBeforeLogin();
        List<Extension> afterLogin = capabilitiesAfterLogin();
        if (beforeLogin == null && afterLogin == null) {
            return null;
        }
        Set<Extension> all = EnumSet.noneOf(Extension.class);
        all.addAll(beforeLogin == null ? List.of() : beforeLogin);
        all.addAll(afterLogin == null ? List.of() : afterLogin);
        return all;
    }

    /**
     * {@return the SASL mechanisms offered, in {@code AUTH=} order, as an unmodifiable list; null
     * for ImapMock's defaults}
     */
    public List<String> saslMechanisms() {
        return settings().mechanisms();
    }

    /**
     * {@return the APPENDLIMIT, the largest message in octets APPEND takes (RFC 7889); null for
     * ImapMock's default}
     */
    public Long appendLimit() {
        return settings().appendLimit();
    }

    /**
     * {@return the special-use mailboxes every account starts with; null for ImapMock's defaults}
     * Only the folders with a use are in it; see {@link #folders()} for all.
     */
    public SpecialUseMailboxes specialUse() {
        Map<String, Set<SpecialUse>> folders = folders();
        if (folders == null) {
            return null;
        }
        SpecialUseMailboxes result = SpecialUseMailboxes.none();
        for (Map.Entry<String, Set<SpecialUse>> f : folders.entrySet()) {
            if (!f.getValue().isEmpty()) {
                result = result.with(f.getKey(), f.getValue().toArray(new SpecialUse[0]));
            }
        }
        return result;
    }

    /**
     * {@return every folder an account starts with besides INBOX, with its uses (maybe none), in
     * order, as an unmodifiable map; null for the defaults}
     */
    public Map<String, Set<SpecialUse>> folders() {
        return settings().folders();
    }

    /**
     * {@return the folders that hold no mail, only others ({@code \Noselect}), such as Gmail's
     * {@code [Gmail]}; an unmodifiable list, empty when there are none}
     */
    public List<String> noselectFolders() {
        return settings().noselect();
    }

    /**
     * {@return the hierarchy delimiter, {@code /} unless the profile gives another; its folder
     * names have it between their levels}
     */
    public char delimiter() {
        return settings().delimiter();
    }

    /**
     * {@return false when no message is ever {@code \Recent}; null for ImapMock's default (true)}
     */
    public Boolean recent() {
        return settings().recent();
    }

    /**
     * {@return whether accounts have Gmail's labels ({@code labels on}): a message shows in the
     * {@code \All} folder and in the folder of each label, see {@code dev.imapmock.store.Labels}}
     */
    public boolean labels() {
        return settings().labels();
    }

    /**
     * {@return the text LOGIN and password mechanisms are refused with, {@code {command}} standing
     * for the command's name; null when passwords are accepted}
     */
    public String loginRefusal() {
        return settings().loginRefusal();
    }

    /**
     * {@return the name of every account's quota root (RFC 9208 §3.2): the {@code quota-root}
     * line's, {@code ""} for Gmail; {@value #DEFAULT_QUOTA_ROOT}, Dovecot's usual one, when the
     * profile has no such line}
     */
    public String quotaRoot() {
        return settings().quotaRoot();
    }

    @Override
    public String toString() {
        return "Profile[" + name() + "]";
    }

    /** What a profile's lines say; the collections are unmodifiable. */
    private record Settings(String name, String greeting, List<Extension> beforeLogin, List<Extension> afterLogin,
                            List<String> mechanisms, Long appendLimit, Map<String, Set<SpecialUse>> folders,
                            List<String> noselect, Boolean recent, boolean labels, String loginRefusal,
                            char delimiter, String quotaRoot) {
        Settings(Parser p) {
            this(p.name, p.greeting, p.before == null ? null : List.copyOf(p.before),
                    p.after == null ? null : List.copyOf(p.after),
                    p.mechanisms == null ? null : List.copyOf(p.mechanisms), p.appendLimit,
                    p.folders == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(p.folders)),
                    List.copyOf(p.noselect), p.recent, Boolean.TRUE.equals(p.labels), p.loginRefusal, p.delimiter,
                    p.quotaRoot);
        }
    }

    /** Reads the line format; each error names the line. */
    private static final class Parser {
        private final String source;
        private final Map<String, Integer> seen = new LinkedHashMap<>();
        private String name;
        private String greeting;
        private List<Extension> before;
        private List<Extension> after;
        private List<String> mechanisms;
        private Long appendLimit;
        private Map<String, Set<SpecialUse>> folders;
        private final List<String> noselect = new ArrayList<>();
        private Boolean recent;
        private Boolean labels;
        private String loginRefusal;
        private String quotaRoot = DEFAULT_QUOTA_ROOT;
        private char delimiter = dev.imapmock.store.Account.DELIMITER;
        private final Map<String, Integer> folderLines = new LinkedHashMap<>();

        Parser(String source) {
            this.source = source;
        }

        private IllegalArgumentException error(int line, String reason) {
            return new IllegalArgumentException(source + ", line " + line + ": " + reason);
        }

        void line(int number, String raw) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            int space = line.indexOf(' ');
            String key = (space < 0 ? line : line.substring(0, space)).toLowerCase(Locale.ROOT);
            String value = space < 0 ? "" : line.substring(space + 1).strip();
            if (!key.equals("folder")) {
                Integer earlier = seen.putIfAbsent(key, number);
                if (earlier != null) {
                    throw error(number, key + " is given twice (first on line " + earlier + ")");
                }
            }
            if (value.isEmpty()) {
                throw error(number, key + " needs a value");
            }
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) < 0x20 || value.charAt(i) >= 0x7f) {
                    throw error(number, "only printable ASCII goes on the wire");
                }
            }
            switch (key) {
                case "name" -> name = value;
                case "greeting" -> greeting = value;
                case "capabilities-before" -> before = capabilities(number, value, true);
                case "capabilities-after" -> after = capabilities(number, value, false);
                case "folder" -> folder(number, value);
                case "recent" -> recent = onOff(number, key, value);
                case "labels" -> labels = onOff(number, key, value);
                case "login-refusal" -> loginRefusal = value;
                case "delimiter" -> delimiter = delimiter(number, value);
                case "quota-root" -> quotaRoot = quotaRoot(number, value);
                default -> throw error(number, "unknown setting " + key + "; the settings are name, greeting,"
                        + " capabilities-before, capabilities-after, delimiter, folder, recent, labels,"
                        + " login-refusal and quota-root");
            }
        }

        /** The words of a value split at runs of white space, by hand for the reason {@link #parse} says. */
        private static String[] words(String value) {
            List<String> words = new ArrayList<>();
            int i = 0;
            while (i < value.length()) {
                while (i < value.length() && Character.isWhitespace(value.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < value.length() && !Character.isWhitespace(value.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    words.add(value.substring(start, i));
                }
            }
            return words.toArray(new String[0]);
        }

        private char delimiter(int number, String value) {
            if (value.length() != 1) {
                throw error(number, "delimiter is one character, not " + value);
            }
            try {
                dev.imapmock.store.Namespaces.checkDelimiter(value.charAt(0));
            } catch (IllegalArgumentException e) {
                throw error(number, e.getMessage());
            }
            return value.charAt(0);
        }

        /** A root name as written: {@code ""} or {@code "two words"} in double quotes, else as it stands. */
        private String quotaRoot(int number, String value) {
            if (!value.startsWith("\"")) {
                if (value.indexOf(' ') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
                    throw error(number, "a quota root has no quotes or backslashes, and one with a space is"
                            + " written in double quotes (\"User quota\"), not " + value);
                }
                return value;
            }
            String inner = value.length() < 2 || !value.endsWith("\"") ? null : value.substring(1, value.length() - 1);
            if (inner == null || inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0) {
                throw error(number, "a quoted quota root is one pair of double quotes around text without"
                        + " quotes or backslashes, not " + value);
            }
            return inner;
        }

        private Boolean onOff(int number, String key, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "on" -> Boolean.TRUE;
                case "off" -> Boolean.FALSE;
                default -> throw error(number, key + " is on or off, not " + value);
            };
        }

        private List<Extension> capabilities(int number, String value, boolean beforeLogin) {
            String[] tokens = words(value);
            if (!tokens[0].equalsIgnoreCase("IMAP4rev1")) {
                throw error(number, "a capability list starts with IMAP4rev1");
            }
            List<Extension> list = new ArrayList<>();
            List<String> auth = new ArrayList<>();
            for (int i = 1; i < tokens.length; i++) {
                String token = tokens[i];
                String upper = token.toUpperCase(Locale.ROOT);
                if (upper.startsWith("AUTH=")) {
                    if (!beforeLogin) {
                        throw error(number, token + ": AUTH= entries go in capabilities-before (ImapMock shows"
                                + " mechanisms before login only)");
                    }
                    String mechanism = token.substring(5);
                    if (Mechanisms.named(mechanism).isEmpty()) {
                        throw error(number, "no SASL mechanism " + mechanism + "; the mechanisms are " + Mechanisms.names());
                    }
                    if (auth.contains(Mechanisms.named(mechanism).get().name())) {
                        throw error(number, token + " is given twice");
                    }
                    auth.add(Mechanisms.named(mechanism).get().name());
                    continue;
                }
                if (upper.equals("STARTTLS") || upper.equals("LOGINDISABLED")) {
                    throw error(number, token + " follows from the server's TLS settings (tls(), requireTls()),"
                            + " not from a profile; leave it out");
                }
                String extensionName = token;
                if (upper.startsWith("APPENDLIMIT=")) {
                    extensionName = "APPENDLIMIT";
                    long limit;
                    try {
                        limit = Long.parseLong(token.substring(12));
                    } catch (NumberFormatException e) {
                        throw error(number, token + ": APPENDLIMIT= takes a number of octets");
                    }
                    if (limit < 1 || limit > Integer.MAX_VALUE - 8) {
                        throw error(number, token + ": APPENDLIMIT= is from 1 to " + (Integer.MAX_VALUE - 8));
                    }
                    if (appendLimit != null && appendLimit != limit) {
                        throw error(number, token + " contradicts APPENDLIMIT=" + appendLimit + " given before");
                    }
                    appendLimit = limit;
                }
                Extension e = Extension.named(extensionName).orElse(null);
                if (e == null || !e.capability().equalsIgnoreCase(e == Extension.APPENDLIMIT ? "APPENDLIMIT" : token)) {
                    throw error(number, "ImapMock does not emulate " + token + "; leave it out (docs/profiles.md)");
                }
                if (list.contains(e)) {
                    throw error(number, token + " is given twice");
                }
                list.add(e);
            }
            if (beforeLogin) {
                mechanisms = auth;
            }
            check(number, list);
            return list;
        }

        private void check(int number, List<Extension> list) {
            for (Extension e : list) {
                for (Extension other : e.excludes()) {
                    if (list.contains(other)) {
                        throw error(number, e.capability() + " and " + other.capability() + " exclude each other");
                    }
                }
            }
        }

        private void folder(int number, String value) {
            String[] tokens = value.split(" ");
            int end = tokens.length;
            Set<SpecialUse> uses = EnumSet.noneOf(SpecialUse.class);
            boolean isNoselect = false;
            while (end > 1 && tokens[end - 1].startsWith("\\")) {
                String attribute = tokens[--end];
                if (attribute.equalsIgnoreCase("\\Noselect")) {
                    isNoselect = true;
                } else {
                    SpecialUse use = SpecialUse.ofAnyAttribute(attribute).orElse(null);
                    if (use == null) {
                        throw error(number, "no special use " + attribute + "; the uses are " + SpecialUse.attributes()
                                + " \\All \\Flagged \\Important and \\Noselect");
                    }
                    uses.add(use);
                }
            }
            String folder = String.join(" ", Arrays.copyOf(tokens, end));
            if (isNoselect && !uses.isEmpty()) {
                throw error(number, folder + " can't be \\Noselect and hold mail for a special use at once");
            }
            if (folder.equalsIgnoreCase("INBOX")) {
                throw error(number, "INBOX exists in every account and has no special use");
            }
            if (folders == null) {
                folders = new LinkedHashMap<>();
            }
            if (folders.containsKey(folder)) {
                throw error(number, "folder " + folder + " is given twice");
            }
            for (Map.Entry<String, Set<SpecialUse>> f : folders.entrySet()) {
                for (SpecialUse use : uses) {
                    if (f.getValue().contains(use)) {
                        throw error(number, use.attribute() + " is given to " + f.getKey() + " already");
                    }
                }
            }
            try {
                SpecialUseMailboxes.none().with(folder, SpecialUse.SENT);
            } catch (IllegalArgumentException e) {
                throw error(number, e.getMessage());
            }
            folders.put(folder, uses);
            folderLines.put(folder, number);
            if (isNoselect) {
                noselect.add(folder);
            }
        }

        void finish(int lines) {
            if (name == null) {
                throw error(lines, "a profile needs a name line");
            }
            if ((before == null) != (after == null)) {
                throw error(lines, "give both capabilities-before and capabilities-after, or neither");
            }
            if (before != null) {
                Set<Extension> all = EnumSet.noneOf(Extension.class);
                all.addAll(before);
                all.addAll(after);
                for (Extension e : all) {
                    for (Extension needed : e.requires()) {
                        if (!all.contains(needed)) {
                            throw error(seen.get("capabilities-after"), e.capability() + " needs " + needed.capability()
                                    + ", which neither capability list names");
                        }
                    }
                }
                check(seen.get("capabilities-after"), new ArrayList<>(all));
            }
            if (loginRefusal != null && (mechanisms == null || Collections.disjoint(mechanisms, Mechanisms.OAUTH))) {
                throw error(seen.get("login-refusal"), "login-refusal refuses passwords, but capabilities-before"
                        + " offers no AUTH=XOAUTH2 or AUTH=OAUTHBEARER: nobody could log in");
            }
            String empty = String.valueOf(delimiter) + delimiter;
            for (Map.Entry<String, Integer> f : folderLines.entrySet()) {
                String folder = f.getKey();
                if (folder.charAt(0) == delimiter || folder.charAt(folder.length() - 1) == delimiter
                        || folder.contains(empty)) {
                    throw error(f.getValue(), "folder " + folder + " has an empty level between delimiters '"
                            + delimiter + "'");
                }
            }
            for (String parent : noselect) {
                boolean hasChild = false;
                for (String f : folders.keySet()) {
                    hasChild |= f.startsWith(parent + delimiter);
                }
                if (!hasChild) {
                    throw error(lines, parent + " is \\Noselect but no folder lies below it");
                }
            }
        }
    }
}
