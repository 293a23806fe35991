package dev.imapmock.cli;

import dev.imapmock.Extension;
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
 */
record Options(String host, int port, List<String[]> users, Path fixtures, boolean help, Path faults,
               Set<Extension> without, Set<Extension> with, boolean tls, int tlsPort, boolean requireTls,
               Path tlsCertOut, Path keystore, String keystorePasswordEnv, SpecialUseMailboxes specialUse,
               List<String[]> tokens) {

    Options(String host, int port, List<String[]> users, Path fixtures, boolean help) {
        this(host, port, users, fixtures, help, null, Set.of(), Set.of(), false, -1, false, null, null, null, null,
                List.of());
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
              --fixtures DIR         seed mail from DIR: each sub-directory is a mailbox (INBOX is
                                     the inbox), each .eml file a message, in file-name order. With
                                     several users, DIR holds one such tree per user, named after it.
              --faults FILE          fault rules, one a line (see docs/faults.md), e.g.
                                     on SELECT nth 2 respond NO [UNAVAILABLE] Try later
              --without NAME         leave an extension out, as if the server never had it; repeat
                                     for several, or separate names with commas. Names as in
                                     CAPABILITY, e.g. --without IDLE --without LITERAL+
              --with NAME            turn on an extension that is off by default (OBJECTID,
                                     PARTIAL, COMPRESS=DEFLATE, APPENDLIMIT, LITERAL-, which
                                     replaces LITERAL+); repeat, or separate names with commas
              --tls                  offer STARTTLS on --port, with a self-signed certificate for
                                     localhost, 127.0.0.1 and ::1 generated at start
              --tls-port PORT        also listen for implicit TLS (imaps) on PORT; 0 picks a free
                                     one. Prints "IMAPS server listening on HOST:PORT" when ready
              --require-tls          refuse LOGIN and AUTHENTICATE PLAIN until the connection
                                     speaks TLS (CAPABILITY shows LOGINDISABLED)
              --tls-cert-out FILE    write the server's certificate as PEM to FILE before the
                                     ready line, for curl --cacert or Python's cafile
              --keystore FILE        present the first key of this PKCS#12 file instead
              --keystore-password-env VAR
                                     the environment variable that holds the keystore's password
              --special-use NAME=USE a special-use mailbox every user starts with, instead of
                                     Sent, Drafts, Trash, Junk and Archive; repeat for several,
                                     separate several uses of one mailbox with spaces, e.g.
                                     --special-use 'Sent Items=\\Sent' --special-use 'Bin=\\Trash \\Junk'
                                     --special-use none: no special-use mailbox at all
              --help                 print this help and exit
            """;

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
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new Options(host, port, users, fixtures, true, faults, without, with, tls, tlsPort,
                            requireTls, tlsCertOut, keystore, keystorePasswordEnv, specialUse, tokens);
                }
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = port(value(args, ++i, arg), arg);
                case "--user" -> users.add(user(value(args, ++i, arg)));
                case "--token" -> tokens.add(pair(value(args, ++i, arg), "--token needs USER:TOKEN"));
                case "--fixtures" -> fixtures = Path.of(value(args, ++i, arg));
                case "--faults" -> faults = Path.of(value(args, ++i, arg));
                case "--without" -> without.addAll(extensions(value(args, ++i, arg), arg));
                case "--with" -> with.addAll(extensions(value(args, ++i, arg), arg));
                case "--tls" -> tls = true;
                case "--tls-port" -> tlsPort = port(value(args, ++i, arg), arg);
                case "--require-tls" -> requireTls = true;
                case "--tls-cert-out" -> tlsCertOut = Path.of(value(args, ++i, arg));
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
                requireTls, tlsCertOut, keystore, keystorePasswordEnv, specialUse, tokens);
        if (!options.speaksTls()) {
            String needs = requireTls ? "--require-tls" : tlsCertOut != null ? "--tls-cert-out"
                    : keystore != null ? "--keystore" : keystorePasswordEnv != null ? "--keystore-password-env" : null;
            if (needs != null) {
                throw new IllegalArgumentException(needs + " needs --tls or --tls-port");
            }
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

    private static List<Extension> extensions(String names, String option) {
        List<Extension> list = new ArrayList<>();
        for (String name : names.split(",")) {
            list.add(Extension.named(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    option + ": no extension named " + name.trim() + "; the extensions are " + Extension.names())));
        }
        return list;
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
