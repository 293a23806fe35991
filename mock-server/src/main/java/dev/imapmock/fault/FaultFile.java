package dev.imapmock.fault;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fault file: one rule a line, for the standalone server ({@code --faults FILE}). The format
 * is documented in docs/faults.md; in short:
 *
 * <pre>
 * # target      conditions and phase         effect
 * on LOGIN                                   respond NO [UNAVAILABLE] Down for maintenance
 * on STATUS     nth 2                        respond NO [UNAVAILABLE] Try later
 * on UID FETCH  times 3 in-literal 100       reset
 * on *          probability 0.1              delay uniform 100ms 2s
 * greeting      connections-from 3           bye Too many connections
 * handshake     connection 2                 certificate expired
 * idle 5s                                    bye Server shutting down
 * autologout 30s
 * token ya29.test expires-at-login 2
 * seed 42
 * </pre>
 */
final class FaultFile {
    private FaultFile() {
    }

    static List<FaultRule> load(Faults faults, Path file) throws IOException {
        return parse(faults, Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses every line first, then adds the rules: a file with an error adds none. */
    static List<FaultRule> parse(Faults faults, String text, String source) {
        List<Runnable> seeds = new ArrayList<>();
        List<Runnable> tokens = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            lines.add(new Line(source + ":" + (i + 1), line));
        }
        List<java.util.function.Supplier<FaultRule>> adds = new ArrayList<>();
        for (Line line : lines) {
            try {
                Scanner s = new Scanner(line.text());
                String first = s.next().toLowerCase(Locale.ROOT);
                if (first.equals("seed")) {
                    long seed = Long.parseLong(s.next());
                    s.end();
                    seeds.add(() -> faults.seed(seed));
                    continue;
                }
                if (first.equals("token")) {
                    String token = s.next();
                    String word = s.next();
                    if (!word.equalsIgnoreCase("expires-at-login")) {
                        throw new IllegalArgumentException("a token line is token TOKEN expires-at-login N, not ... " + word);
                    }
                    int login = integer(s.next());
                    s.end();
                    faults.checkToken(token, login);
                    tokens.add(() -> faults.expireTokenAtLogin(token, login));
                    continue;
                }
                java.util.function.Supplier<FaultRule> add = rule(faults, first, s);
                adds.add(() -> {
                    FaultRule rule = add.get();
                    rule.line(line.text());
                    return rule;
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(line.where() + ": " + e.getMessage(), e);
            }
        }
        seeds.forEach(Runnable::run);
        tokens.forEach(Runnable::run);
        List<FaultRule> added = new ArrayList<>();
        adds.forEach(a -> added.add(a.get()));
        return added;
    }

    private record Line(String where, String text) {
    }

    /** Checks the whole line now and returns what registers the rule later. */
    private static java.util.function.Supplier<FaultRule> rule(Faults faults, String target, Scanner s) {
        RuleBuilder b;
        switch (target) {
            case "on" -> {
                String name = s.next();
                if (name.equalsIgnoreCase("UID")) {
                    name = "UID " + s.next();
                }
                b = faults.on(name);
            }
            case "greeting" -> b = faults.onGreeting();
            case "handshake" -> b = faults.onHandshake();
            case "idle" -> {
                Duration after = s.peekDuration() ? duration(s.next()) : Duration.ZERO;
                b = faults.onIdle(after);
            }
            case "autologout" -> {
                Duration after = duration(s.next());
                s.end();
                new FaultEffect.Autologout(after);
                return () -> faults.autologoutAfter(after);
            }
            case "refuse-after" -> {
                int n = integer(s.next());
                s.end();
                return () -> faults.refuseConnectionsAfter(n);
            }
            default -> throw new IllegalArgumentException(
                    "a rule starts with on, greeting, handshake, idle, autologout, refuse-after, token or seed, not " + target);
        }
        while (true) {
            String word = s.next().toLowerCase(Locale.ROOT);
            switch (word) {
                case "name" -> b.named(s.next());
                case "nth" -> b.nth(integer(s.next()));
                case "times" -> b.times(integer(s.next()));
                case "once" -> b.once();
                case "always" -> b.always();
                case "connection" -> b.connection(integer(s.next()));
                case "connections" -> {
                    String[] range = s.next().split("-", 2);
                    if (range.length != 2) {
                        throw new IllegalArgumentException("connections needs FROM-TO");
                    }
                    b.connections(integer(range[0]), integer(range[1]));
                }
                case "connections-from" -> b.connectionsFrom(integer(s.next()));
                case "user" -> b.user(s.next());
                case "mailbox" -> b.mailbox(s.next());
                case "args-contain" -> b.argumentsContain(s.next());
                case "args-match" -> b.argumentsMatch(s.next());
                case "probability" -> b.probability(number(s.next()));
                case "optional" -> b.optional();
                case "after-read" -> b.afterRead();
                case "before-response" -> b.beforeResponse();
                case "after-bytes" -> b.afterBytes(integer(s.next()));
                case "in-literal" -> b.inLiteral(integer(s.next()));
                case "after-tagged" -> b.afterTagged();
                case "while-idle" -> b.whileIdle(duration(s.next()));
                default -> {
                    FaultEffect effect = effect(word, s);
                    RuleBuilder builder = b;
                    // Checks phase and effect now, so that a bad line fails before any rule is added.
                    if (!effect.allowedIn(phaseOf(builder))) {
                        throw new IllegalArgumentException("'" + effect + "' can't happen " + Faults.text(phaseOf(builder)));
                    }
                    return () -> builder.apply(effect);
                }
            }
        }
    }

    private static Phase phaseOf(RuleBuilder b) {
        return b.phase();
    }

    private static FaultEffect effect(String word, Scanner s) {
        FaultEffect effect = switch (word) {
            case "respond" -> FaultEffect.Respond.parse(s.rest());
            case "over-quota" -> new FaultEffect.Respond("NO", "OVERQUOTA", "Quota exceeded");
            case "bye" -> new FaultEffect.Bye(s.rest());
            case "disconnect" -> new FaultEffect.Disconnect(false);
            case "reset" -> new FaultEffect.Disconnect(true);
            case "delay" -> new FaultEffect.Delay(latency(s));
            case "throttle" -> new FaultEffect.Throttle(integer(s.next()));
            case "slice" -> {
                int chunk = integer(s.next());
                Duration pause = s.atEnd() ? Duration.ZERO : duration(s.next());
                yield new FaultEffect.Slice(chunk, pause);
            }
            case "stall" -> new FaultEffect.Stall(null);
            case "inject" -> {
                List<String> lines = new ArrayList<>();
                for (String part : s.rest().split("\\s+\\|\\s+")) {
                    lines.add(unescape(part.strip(), StandardCharsets.UTF_8));
                }
                yield new FaultEffect.Inject(lines);
            }
            case "garbage" -> new FaultEffect.Garbage(unescape(s.rest(), StandardCharsets.ISO_8859_1)
                    .getBytes(StandardCharsets.ISO_8859_1));
            case "bump-uidvalidity" -> new FaultEffect.BumpUidValidity();
            case "remove-mailbox" -> new FaultEffect.RemoveMailbox();
            case "tls-alert" -> s.atEnd() ? new FaultEffect.TlsAlert(40) : FaultEffect.TlsAlert.named(s.next());
            case "certificate" -> new FaultEffect.Certificate(CertificateFault.named(s.next()));
            default -> throw new IllegalArgumentException("unknown condition or effect: " + word);
        };
        s.end();
        return effect;
    }

    private static Latency latency(Scanner s) {
        String first = s.next();
        switch (first.toLowerCase(Locale.ROOT)) {
            case "uniform" -> {
                return Latency.uniform(duration(s.next()), duration(s.next()));
            }
            case "lognormal" -> {
                return Latency.logNormal(duration(s.next()), number(s.next()));
            }
            default -> {
                return Latency.fixed(duration(first));
            }
        }
    }

    /** {@code 500ms}, {@code 2s}, {@code 1m}, or a bare number of milliseconds. */
    static Duration duration(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration (like 500ms, 2s, 1m): " + text);
        }
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + text);
        }
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + text);
        }
    }

    /** Reads {@code \r}, {@code \n}, {@code \t}, {@code \\} and {@code \xNN}. */
    static String unescape(String text, java.nio.charset.Charset charset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = text.getBytes(charset);
        for (int i = 0; i < b.length; i++) {
            if (b[i] != '\\' || i + 1 >= b.length) {
                out.write(b[i]);
                continue;
            }
            char c = (char) b[++i];
            switch (c) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    if (i + 2 >= b.length) {
                        throw new IllegalArgumentException("\\x needs two hex digits");
                    }
                    out.write(Integer.parseInt(new String(b, i + 1, 2, StandardCharsets.US_ASCII), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + c);
            }
        }
        return out.toString(charset);
    }

    /** Splits a line into words; a word in double quotes may hold spaces. */
    private static final class Scanner {
        private final String line;
        private int pos;

        Scanner(String line) {
            this.line = line;
        }

        boolean atEnd() {
            skipSpaces();
            return pos >= line.length();
        }

        String next() {
            if (atEnd()) {
                throw new IllegalArgumentException("the line ends too early: " + line);
            }
            if (line.charAt(pos) == '"') {
                int close = line.indexOf('"', pos + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("a quote is never closed");
                }
                String word = line.substring(pos + 1, close);
                pos = close + 1;
                return word;
            }
            int start = pos;
            while (pos < line.length() && !Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
            return line.substring(start, pos);
        }

        boolean peekDuration() {
            if (atEnd()) {
                return false;
            }
            return Character.isDigit(line.charAt(pos));
        }

        /** The rest of the line as it is; must not be empty. */
        String rest() {
            if (atEnd()) {
                throw new IllegalArgumentException("the line ends too early: " + line);
            }
            String rest = line.substring(pos).strip();
            pos = line.length();
            return rest;
        }

        void end() {
            if (!atEnd()) {
                throw new IllegalArgumentException("unexpected text at the end: " + line.substring(pos));
            }
        }

        private void skipSpaces() {
            while (pos < line.length() && Character.isWhitespace(line.charAt(pos))) {
                pos++;
            }
        }
    }
}
