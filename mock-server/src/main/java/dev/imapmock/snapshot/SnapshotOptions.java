package dev.imapmock.snapshot;

import dev.imapmock.protocol.ImapDates;
import dev.imapmock.protocol.ProtocolException;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code snapshot}, parsed.
 *
 * @param passwordEnv the environment variable holding the password, or null (then {@code tokenEnv})
 * @param tokenEnv    the environment variable holding an OAuth2 bearer token, or null
 * @param mailboxes   LIST patterns (RFC 3501 §6.3.8: {@code *} and {@code %} wildcards); {@code *} by default
 * @param limit       the newest messages kept per mailbox; 0 for all
 * @param since       only messages whose internal date is on or after this day; null for all
 * @param anonymize   the seed of the anonymization, or null for a faithful copy
 */
record SnapshotOptions(String host, int port, String user, String passwordEnv, String tokenEnv, Path out,
                       boolean startTls, boolean implicitTls, Path caFile, List<String> mailboxes, int limit,
                       LocalDate since, String anonymize, boolean progress, boolean help) {

    static final String HELP = """
            Usage: java -jar imapmock-server-<version>-standalone.jar snapshot --host HOST --user USER
                   (--password-env VAR | --token-env VAR) --out DIR [options]

            Copies mailboxes of an IMAP account into a fixture tree that --fixtures DIR loads as it
            is: .eml files, flags, keywords, internal dates, special uses and subscriptions. The
            tree appears at DIR only when complete; DIR must not exist or be empty.

            Options:
              --host HOST            the IMAP server
              --port PORT            its port (default 143, or 993 with --imaps)
              --user USER            the account to log in as
              --password-env VAR     the environment variable holding the password (never a flag)
              --token-env VAR        the environment variable holding an OAuth2 bearer token, for
                                     OAUTHBEARER or XOAUTH2
              --out DIR              where the fixture tree goes
              --tls                  STARTTLS on the plain port before logging in
              --imaps                TLS from the first octet (implicit TLS, usually port 993)
              --cafile PEM           trust the certificates in this PEM file instead of the JDK's
                                     default trust store
              --mailbox PATTERN      a LIST pattern (* and % wildcards); repeat for several
                                     (default *: every mailbox)
              --limit N              only the newest N messages of each mailbox
              --since DATE           only messages received on or after DATE (2024-03-01)
              --anonymize SEED       rewrite addresses, names, subjects, text and attachments,
                                     the same way for the same SEED; lists what it did in
                                     DIR/ANONYMIZED.txt
              --progress             show progress on standard error even when it is no terminal
              --help                 print this help and exit
            """;

    static SnapshotOptions parse(String[] args) {
        String host = null;
        int port = -1;
        String user = null;
        String passwordEnv = null;
        String tokenEnv = null;
        Path out = null;
        boolean startTls = false;
        boolean implicitTls = false;
        Path caFile = null;
        List<String> mailboxes = new ArrayList<>();
        int limit = 0;
        LocalDate since = null;
        String anonymize = null;
        boolean progress = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new SnapshotOptions(null, 0, null, null, null, null, false, false, null, List.of(), 0, null,
                            null, false, true);
                }
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = port(value(args, ++i, arg));
                case "--user" -> user = value(args, ++i, arg);
                case "--password-env" -> passwordEnv = value(args, ++i, arg);
                case "--token-env" -> tokenEnv = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--tls" -> startTls = true;
                case "--imaps" -> implicitTls = true;
                case "--cafile" -> caFile = Path.of(value(args, ++i, arg));
                case "--mailbox" -> mailboxes.add(value(args, ++i, arg));
                case "--limit" -> limit = limit(value(args, ++i, arg));
                case "--since" -> since = date(value(args, ++i, arg));
                case "--anonymize" -> anonymize = value(args, ++i, arg);
                case "--progress" -> progress = true;
                case "--password", "--token" -> throw new IllegalArgumentException(arg + " is no option: secrets never go"
                        + " on the command line, where ps and shell histories show them; put it in an environment"
                        + " variable and give " + arg + "-env VAR");
                default -> throw new IllegalArgumentException("snapshot: unknown option: " + arg);
            }
        }
        if (host == null || user == null || out == null) {
            throw new IllegalArgumentException("snapshot needs " + (host == null ? "--host HOST"
                    : user == null ? "--user USER" : "--out DIR"));
        }
        if ((passwordEnv == null) == (tokenEnv == null)) {
            throw new IllegalArgumentException(passwordEnv == null
                    ? "snapshot needs --password-env VAR or --token-env VAR, the environment variable holding the secret"
                    : "give either --password-env or --token-env, not both");
        }
        if (startTls && implicitTls) {
            throw new IllegalArgumentException("give either --tls (STARTTLS) or --imaps (implicit TLS), not both");
        }
        if (caFile != null && !startTls && !implicitTls) {
            throw new IllegalArgumentException("--cafile needs --tls or --imaps");
        }
        if (anonymize != null && anonymize.isBlank()) {
            throw new IllegalArgumentException("--anonymize needs a seed that is not blank");
        }
        if (port < 0) {
            port = implicitTls ? 993 : 143;
        }
        return new SnapshotOptions(host, port, user, passwordEnv, tokenEnv, out, startTls, implicitTls, caFile,
                mailboxes.isEmpty() ? List.of("*") : List.copyOf(mailboxes), limit, since, anonymize, progress, false);
    }

    boolean tls() {
        return startTls || implicitTls;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException("--port needs a number from 1 to 65535, not " + text);
    }

    private static int limit(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Reported below.
        }
        throw new IllegalArgumentException("--limit needs a number, 1 or more, not " + text);
    }

    /** {@code 2024-03-01}, or the IMAP form {@code 1-Mar-2024}. */
    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException iso) {
            try {
                return ImapDates.parseDate(text);
            } catch (ProtocolException imap) {
                throw new IllegalArgumentException("--since needs a date such as 2024-03-01, not " + text);
            }
        }
    }
}
