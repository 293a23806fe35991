package dev.imapmock.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The sandbox's own options; every other argument is the standalone server's and is passed on.
 *
 * @param adminPort    the admin HTTP port (0 = a free one), or -1 for no admin API
 * @param adminHost    the address the admin API binds to
 * @param adminToken   the bearer token that guards the admin API, or null for none (loopback only then)
 * @param smtpPort     the SMTP port (0 = a free one), or -1 for no SMTP listener
 * @param smtpCatchAll the user that receives mail for unknown recipients, or null to refuse them
 * @param serverArgs   the arguments for the IMAP server
 */
record SandboxOptions(int adminPort, String adminHost, String adminToken, int smtpPort, String smtpCatchAll,
                      String[] serverArgs) {

    static final String HELP = """
            Usage: java -jar imapmock-sandbox-<version>-standalone.jar [sandbox options] [server options]

            Sandbox options:
              --admin-port PORT      serve the admin HTTP API and the web UI on PORT; 0 picks a free
                                     one. Prints "Admin UI at http://HOST:PORT/" when ready
              --admin-host HOST      address the admin API listens on (default 127.0.0.1); any other
                                     than loopback needs --admin-token
              --admin-token TOKEN    require "Authorization: Bearer TOKEN" on every admin request
              --smtp-port PORT       accept mail by SMTP on PORT (0 picks a free one) and deliver it to
                                     the INBOX of each local recipient. Prints "SMTP server listening
                                     on HOST:PORT" when ready
              --smtp-catch-all USER  deliver mail for unknown recipients to USER instead of refusing it

            """;

    static SandboxOptions parse(String[] args) {
        int adminPort = -1;
        String adminHost = "127.0.0.1";
        String adminToken = null;
        int smtpPort = -1;
        String smtpCatchAll = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--admin-port" -> adminPort = port(value(args, ++i, arg), arg);
                case "--admin-host" -> adminHost = value(args, ++i, arg);
                case "--admin-token" -> adminToken = value(args, ++i, arg);
                case "--smtp-port" -> smtpPort = port(value(args, ++i, arg), arg);
                case "--smtp-catch-all" -> smtpCatchAll = value(args, ++i, arg);
                default -> rest.add(arg);
            }
        }
        if (adminPort < 0 && (adminToken != null || !adminHost.equals("127.0.0.1"))) {
            throw new IllegalArgumentException((adminToken != null ? "--admin-token" : "--admin-host")
                    + " needs --admin-port");
        }
        if (smtpPort < 0 && smtpCatchAll != null) {
            throw new IllegalArgumentException("--smtp-catch-all needs --smtp-port");
        }
        return new SandboxOptions(adminPort, adminHost, adminToken, smtpPort, smtpCatchAll,
                rest.toArray(new String[0]));
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
}
