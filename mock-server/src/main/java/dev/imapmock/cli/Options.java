package dev.imapmock.cli;

import dev.imapmock.Extension;
import dev.imapmock.Profile;
import dev.imapmock.sasl.Mechanisms;
import dev.imapmock.tls.KeyAlgorithm;
import dev.imapmock.store.SpecialUse;
import dev.imapmock.store.SpecialUseMailboxes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The launcher's command line, parsed.
 *
 * @param tlsPort             the implicit-TLS port, or -1 for none
 * @param keystorePasswordEnv the name of the environment variable holding the keystore's password
 *                            (never the password: it never passes through the command line)
 * @param specialUse          the special-use mailboxes of every user; null for the server's default
 * @param tokens              OAuth2 bearer tokens, each {@code {user, token}}
 * @param saslMechanisms      the SASL mechanisms offered, in order; empty for the server's default
 * @param maxFailedLogins     failed logins a connection may make before {@code * BYE}; 0 for no limit
 * @param tlsKey              the key of the generated certificate; null for the default (EC)
 * @param quotas              users' quota roots, from {@code --quota}
 * @param preauth             the user every connection is greeted as with {@code * PREAUTH}; null for none
 * @param rev2Only            true for an IMAP4rev2-only server ({@code --rev2-only})
 * @param profile             the provider profile, from {@code --profile}; null for the default
 * @param acls                ACL entries from {@code --acl}, in order
 * @param delimiter           the hierarchy delimiter from {@code --delimiter}; null for the profile's
 * @param pollingSeconds      the client checks' polling interval from {@code --client-polling-seconds};
 *                            0 for the default
 */
record Options(String host, int port, List<String[]> users, Path fixtures, boolean help, Path faults,
               Set<Extension> without, Set<Extension> with, boolean tls, int tlsPort, boolean requireTls,
               Path tlsCertOut, Path keystore, String keystorePasswordEnv, SpecialUseMailboxes specialUse,
               List<String[]> tokens, List<String> saslMechanisms, int maxFailedLogins, KeyAlgorithm tlsKey,
               List<UserQuota> quotas, String preauth, boolean rev2Only, Profile profile, List<AclEntry> acls,
               Character delimiter, int pollingSeconds) {

    Options(String host, int port, List<String[]> users, Path fixtures, boolean help) {
        this(host, port, users, fixtures, help, null, Set.of(), Set.of(), false, -1, false, null, null, null, null,
                List.of(), List.of(), 0, null, List.of(), null, false, null, List.of(), null, 0);
    }

    /** One {@code --quota USER:KIB[:MESSAGES]}; 0 is no limit. */
    record UserQuota(String user, long storageKiB, long messages) {
    }

    /**
     * One {@code --acl USER:MAILBOX:IDENTIFIER:RIGHTS}; an empty USER is the shared namespace.
     *
     * @param user       the owner, or null for a mailbox of the shared namespace
     * @param mailbox    the mailbox's name in the owner's account
     * @param identifier who gets the rights
     * @param rights     the rights' letters
     */
    record AclEntry(String user, String mailbox, String identifier, String rights) {
    }

    /** True when the server speaks TLS on either port. */
    boolean speaksTls() {
        return tls || tlsPort >= 0;
    }

    static final String HELP = """
            Usage: java -jar imapmock-server-<version>-standalone.jar [options]

            Starts an in-memory IMAP server and prints "IMAP server listening on HOST:PORT" when ready.
            SIGINT or SIGTERM stops it.

            Options:
              --host HOST            address to listen on (default 127.0.0.1)
              --port PORT            port to listen on; 0 picks a free one (default 1143)
              --user NAME:PASSWORD   a user; repeat for several. Without any, a demo user is
                                     created with a few messages, and its credentials are printed.
              --token USER:TOKEN     an OAuth2 bearer token for USER, accepted by XOAUTH2 and
                                     OAUTHBEARER (then offered too); repeat for several
              --sasl-mechanisms LIST the SASL mechanisms offered, in this AUTH= order, separated
                                     by commas, e.g. PLAIN,LOGIN,XOAUTH2; from PLAIN, LOGIN,
                                     CRAM-MD5, SCRAM-SHA-1[-PLUS], SCRAM-SHA-256[-PLUS],
                                     XOAUTH2, OAUTHBEARER (-PLUS only offered over TLS)
                                     (default PLAIN,LOGIN, with XOAUTH2,OAUTHBEARER after --token)
              --max-failed-logins N  after N failed LOGIN/AUTHENTICATE commands on a connection,
                                     say * BYE and close it (default 0: no limit)
              --client-polling-seconds N
                                     the client checks report NOOP or STATUS polls less than N
                                     seconds apart where IDLE would do (default 60)
              --fixtures DIR         seed mail from DIR: each sub-directory is a mailbox (INBOX is
                                     the inbox), each .eml file a message, in file-name order. With
                                     several users, DIR holds one such tree per user, named after it.
              --faults FILE          fault rules, one a line (see docs/faults.md), e.g.
                                     on SELECT nth 2 respond NO [UNAVAILABLE] Try later
              --without NAME         leave an extension out, as if the server never had it; repeat
                                     for several, or separate names with commas. Names as in
                                     CAPABILITY, e.g. --without IDLE --without LITERAL+
              --with NAME            turn on an extension that is off by default (OBJECTID,
                                     PARTIAL, UIDONLY, UTF8=ACCEPT, QUOTASET, COMPRESS=DEFLATE,
                                     APPENDLIMIT, LITERAL-, which replaces LITERAL+); repeat, or
                                     separate names with commas
              --acl USER:MAILBOX:IDENTIFIER:RIGHTS
                                     grant RIGHTS (RFC 4314 letters) on USER's MAILBOX, created if
                                     missing, e.g. --acl alice:Projects:bob:lr makes it
                                     "Other Users/alice/Projects" to bob; an empty USER is the
                                     shared namespace: --acl :news:anyone:lr is "Shared/news"
              --quota USER:KIB[:MESSAGES]
                                     USER's quota root "User quota": at most KIB KiB and MESSAGES
                                     messages in all mailboxes (0: no limit); repeat for several
                                     users, e.g. --quota alice:64:30. --with QUOTASET lets
                                     SETQUOTA change it
              --tls                  offer STARTTLS on --port, with a self-signed certificate for
                                     localhost, 127.0.0.1 and ::1 generated at start
              --tls-port PORT        also listen for implicit TLS (imaps) on PORT; 0 picks a free
                                     one. Prints "IMAPS server listening on HOST:PORT" when ready
              --require-tls          refuse LOGIN and AUTHENTICATE PLAIN until the connection
                                     speaks TLS (CAPABILITY shows LOGINDISABLED)
              --tls-cert-out FILE    write the server's certificate as PEM to FILE before the
                                     ready line, for curl --cacert or Python's cafile
              --tls-key ec|rsa       the key of the generated certificate: ec (P-256, the
                                     default) or rsa (RSA-2048, sha256WithRSAEncryption)
              --keystore FILE        present the first key of this PKCS#12 file instead
              --keystore-password-env VAR
                                     the environment variable that holds the keystore's password
              --special-use NAME=USE a special-use mailbox every user starts with, instead of
                                     Sent, Drafts, Trash, Junk and Archive; repeat for several,
                                     separate several uses of one mailbox with spaces, e.g.
                                     --special-use 'Sent Items=\\Sent' --special-use 'Bin=\\Trash \\Junk'
                                     --special-use none: no special-use mailbox at all
              --preauth USER         greet every connection with * PREAUTH as USER (one of the
                                     --user names): it starts logged in, with no LOGIN
              --rev2-only            speak IMAP4rev2 (RFC 9051) only: IMAP4rev1 leaves the
                                     greeting and CAPABILITY. --with IMAP4rev2 offers both
              --profile NAME|FILE    answer like a provider: dovecot (the default), gmail, outlook,
                                     minimal, yahoo, icloud, or a profile file (docs/profiles.md);
                                     the other options override what it sets
              --delimiter C          the hierarchy delimiter instead of / (or the profile's), e.g. .:
                                     LIST tells it and CREATE a.b makes a level below a
              --help                 print this help and exit

            java -jar imapmock-server-<version>-standalone.jar snapshot --help
                                     copy a real account into a fixture tree (docs/snapshot.md)
            """;

    private static char delimiter(String value) {
        if (value.length() != 1) {
            throw new IllegalArgumentException("--delimiter needs one character such as ., not " + value);
        }
        try {
            dev.imapmock.store.Namespaces.checkDelimiter(value.charAt(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--delimiter: " + e.getMessage(), e);
        }
        return value.charAt(0);
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 1143;
        List<String[]> users = new ArrayList<>();
        Path fixtures = null;
        Path faults = null;
        Set<Extension> without = EnumSet.noneOf(Extension.class);
        Set<Extension> with = EnumSet.noneOf(Extension.class);
        boolean tls = false;
        int tlsPort = -1;
        boolean requireTls = false;
        Path tlsCertOut = null;
        Path keystore = null;
        String keystorePasswordEnv = null;
        SpecialUseMailboxes specialUse = null;
        boolean noSpecialUse = false;
        List<String[]> tokens = new ArrayList<>();
        List<String> saslMechanisms = List.of();
        int maxFailedLogins = 0;
        KeyAlgorithm tlsKey = null;
        List<UserQuota> quotas = new ArrayList<>();
        String preauth = null;
        boolean rev2Only = false;
        Profile profile = null;
        List<AclEntry> acls = new ArrayList<>();
        Character delimiter = null;
        int pollingSeconds = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new Options(host, port, users, fixtures, true, faults, without, with, tls, tlsPort,
                            requireTls, tlsCertOut, keystore, keystorePasswordEnv, specialUse, tokens, saslMechanisms,
                            maxFailedLogins, tlsKey, quotas, preauth, rev2Only, profile, acls, delimiter, pollingSeconds);
                }
                case "--profile" -> profile = Profile.named(value(args, ++i, arg));
                case "--delimiter" -> delimiter = delimiter(value(args, ++i, arg));
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = port(value(args, ++i, arg), arg);
                case "--user" -> users.add(user(value(args, ++i, arg)));
                case "--token" -> tokens.add(pair(value(args, ++i, arg), "--token needs USER:TOKEN"));
                case "--sasl-mechanisms" -> saslMechanisms = mechanisms(value(args, ++i, arg));
                case "--max-failed-logins" -> maxFailedLogins = count(value(args, ++i, arg), arg);
                case "--client-polling-seconds" -> pollingSeconds = positive(value(args, ++i, arg), arg);
                case "--quota" -> quotas.add(quota(value(args, ++i, arg)));
                case "--acl" -> acls.add(acl(value(args, ++i, arg)));
                case "--fixtures" -> fixtures = Path.of(value(args, ++i, arg));
                case "--faults" -> faults = Path.of(value(args, ++i, arg));
                case "--without" -> without.addAll(extensions(value(args, ++i, arg), arg));
                case "--with" -> with.addAll(extensions(value(args, ++i, arg), arg));
                case "--tls" -> tls = true;
                case "--tls-port" -> tlsPort = port(value(args, ++i, arg), arg);
                case "--require-tls" -> requireTls = true;
                case "--preauth" -> preauth = value(args, ++i, arg);
                case "--rev2-only" -> rev2Only = true;
                case "--tls-cert-out" -> tlsCertOut = Path.of(value(args, ++i, arg));
                case "--tls-key" -> tlsKey = keyAlgorithm(value(args, ++i, arg));
                case "--keystore" -> keystore = Path.of(value(args, ++i, arg));
                case "--keystore-password-env" -> keystorePasswordEnv = value(args, ++i, arg);
                case "--special-use" -> {
                    String spec = value(args, ++i, arg);
                    if (spec.equals("none")) {
                        noSpecialUse = true;
                        specialUse = specialUse == null ? SpecialUseMailboxes.none() : specialUse;
                    } else {
                        specialUse = specialUse(specialUse == null ? SpecialUseMailboxes.none() : specialUse, spec);
                    }
                    if (noSpecialUse && !specialUse.mailboxes().isEmpty()) {
                        throw new IllegalArgumentException("--special-use none leaves no special-use mailbox,"
                                + " so it can't be given with NAME=USE");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        Options options = new Options(host, port, users, fixtures, false, faults, without, with, tls, tlsPort,
                requireTls, tlsCertOut, keystore, keystorePasswordEnv, specialUse, tokens, saslMechanisms, maxFailedLogins,
                tlsKey, quotas, preauth, rev2Only, profile, acls, delimiter, pollingSeconds);
        if (!options.speaksTls()) {
            String needs = requireTls ? "--require-tls" : tlsCertOut != null ? "--tls-cert-out"
                    : keystore != null ? "--keystore" : keystorePasswordEnv != null ? "--keystore-password-env"
                    : tlsKey != null ? "--tls-key" : null;
            if (needs != null) {
                throw new IllegalArgumentException(needs + " needs --tls or --tls-port");
            }
        }
        if (tlsKey != null && keystore != null) {
            throw new IllegalArgumentException("--tls-key chooses the key of the generated certificate; with --keystore"
                    + " the keystore's certificate is presented instead, so give one of them");
        }
        if ((keystore == null) != (keystorePasswordEnv == null)) {
            throw new IllegalArgumentException(keystore == null ? "--keystore-password-env needs --keystore"
                    : "--keystore needs --keystore-password-env VAR, the environment variable holding its password");
        }
        return options;
    }

    /** {@code mailboxes} and one more, from {@code NAME=\USE [\USE...]}. */
    private static SpecialUseMailboxes specialUse(SpecialUseMailboxes mailboxes, String spec) {
        int eq = spec.lastIndexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("--special-use needs NAME=USE such as \"Sent Items=\\Sent\", or none, not "
                    + spec);
        }
        List<SpecialUse> uses = new ArrayList<>();
        for (String attribute : spec.substring(eq + 1).trim().split("\\s+")) {
            uses.add(SpecialUse.ofAttribute(attribute).orElseThrow(() -> new IllegalArgumentException(
                    "--special-use: unknown special use " + attribute + " (known: " + SpecialUse.attributes() + ")")));
        }
        try {
            return mailboxes.with(spec.substring(0, eq), uses.toArray(new SpecialUse[0]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--special-use: " + e.getMessage(), e);
        }
    }

    /** {@code USER:MAILBOX:IDENTIFIER:RIGHTS}: the mailbox is what lies between the first and the last two colons. */
    private static AclEntry acl(String spec) {
        int first = spec.indexOf(':');
        int last = spec.lastIndexOf(':');
        int middle = last < 0 ? -1 : spec.lastIndexOf(':', last - 1);
        if (first < 0 || middle <= first || spec.substring(first + 1, middle).isEmpty()
                || spec.substring(middle + 1, last).isEmpty()) {
            throw new IllegalArgumentException("--acl needs USER:MAILBOX:IDENTIFIER:RIGHTS such as alice:Projects:bob:lr, not "
                    + spec);
        }
        String rights = spec.substring(last + 1);
        try {
            dev.imapmock.store.Rights.parse(rights);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--acl: " + e.getMessage(), e);
        }
        String user = spec.substring(0, first);
        return new AclEntry(user.isEmpty() ? null : user, spec.substring(first + 1, middle),
                spec.substring(middle + 1, last), rights);
    }

    /** {@code USER:KIB[:MESSAGES]}; a user name has no colon, as in {@code --user}. */
    private static UserQuota quota(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !isCount(parts[1])
                || (parts.length == 3 && !isCount(parts[2])) || Long.parseLong(parts[1]) > Long.MAX_VALUE / 1024) {
            throw new IllegalArgumentException(
                    "--quota needs USER:KIB or USER:KIB:MESSAGES with whole numbers, 0 for no limit, not " + spec);
        }
        return new UserQuota(parts[0], Long.parseLong(parts[1]), parts.length == 3 ? Long.parseLong(parts[2]) : 0);
    }

    private static boolean isCount(String text) {
        return !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static List<Extension> extensions(String names, String option) {
        List<Extension> list = new ArrayList<>();
        for (String name : names.split(",")) {
            list.add(Extension.named(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    option + ": no extension named " + name.trim() + "; the extensions are " + Extension.names())));
        }
        return list;
    }

    /** {@code NAME,NAME...}, each a mechanism of the server's table, none twice. */
    private static List<String> mechanisms(String names) {
        List<String> list = new ArrayList<>();
        for (String name : names.split(",", -1)) {
            list.add(name.trim());
        }
        try {
            Mechanisms.resolve(list);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sasl-mechanisms: " + e.getMessage(), e);
        }
        return List.copyOf(list);
    }

    private static KeyAlgorithm keyAlgorithm(String name) {
        for (KeyAlgorithm a : KeyAlgorithm.values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("--tls-key needs ec or rsa, not " + name);
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " needs a number of seconds, 1 or more, not " + text);
    }

    private static int count(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " needs a number, 0 or more, not " + text);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text, String option) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " needs a number from 0 to 65535, not " + text);
    }

    private static String[] user(String spec) {
        return pair(spec, "--user needs NAME:PASSWORD, not " + spec);
    }

    /** {@code NAME:VALUE}; the refusal never repeats the value, which may be a secret. */
    private static String[] pair(String spec, String refusal) {
        int colon = spec.indexOf(':');
        if (colon <= 0 || colon == spec.length() - 1) {
            throw new IllegalArgumentException(refusal);
        }
        return new String[] {spec.substring(0, colon), spec.substring(colon + 1)};
    }
}
