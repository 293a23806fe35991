package dev.imapmock.sandbox.admin;

/**
 * Masks secrets in journal text before it leaves the API. The journal masks them already (LOGIN's
 * password, AUTHENTICATE's initial response); this is a second line of defence, so that a change
 * there can never put a password on a screen.
 */
final class Secrets {
    static final String MASK = "***";

    private Secrets() {
    }

    /**
     * For LOGIN and AUTHENTICATE, the first argument (the user name, the mechanism) and {@code ***}
     * in place of anything after it; other commands' arguments as they are.
     */
    static String maskArguments(String command, String arguments) {
        if (arguments == null || command == null
                || !(command.equalsIgnoreCase("LOGIN") || command.equalsIgnoreCase("AUTHENTICATE"))) {
            return arguments;
        }
        int end = firstArgumentEnd(arguments);
        if (end < 0) {
            return MASK;
        }
        String rest = arguments.substring(end).strip();
        return rest.isEmpty() ? arguments.substring(0, end) : arguments.substring(0, end) + " " + MASK;
    }

    /**
     * A whole command line, {@code TAG NAME ARGUMENTS}, with {@link #maskArguments} applied to its
     * arguments; a line without arguments as it is.
     */
    static String maskLine(String line) {
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ", 3);
        if (parts.length < 3) {
            return line;
        }
        return parts[0] + " " + parts[1] + " " + maskArguments(parts[1], parts[2]);
    }

    /** Where the first argument ends: an atom, a quoted string or a literal's announcement; -1 if unreadable. */
    private static int firstArgumentEnd(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (s.charAt(0) == '"') {
            for (int i = 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i + 1;
                }
            }
            return -1;
        }
        if (s.charAt(0) == '{') {
            // A literal: its content is not shown in the journal text, and may be anything.
            return -1;
        }
        int space = s.indexOf(' ');
        return space < 0 ? s.length() : space;
    }
}
