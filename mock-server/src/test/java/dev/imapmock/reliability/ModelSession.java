package dev.imapmock.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A raw IMAP session that keeps a model of its selected mailbox as the server told it: the list
 * of UIDs by sequence number, grown by each {@code * n EXISTS} and shrunk by each
 * {@code * n EXPUNGE}. Every FETCH response's sequence number and UID are checked against the
 * model (an unknown UID is learnt), and the known UIDs must stay strictly ascending. A
 * disagreement throws {@link AssertionError} at once, naming the line.
 *
 * <p>Used by one thread.
 */
final class ModelSession implements AutoCloseable {
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS$");
    private static final Pattern EXPUNGE = Pattern.compile("^\\* (\\d+) EXPUNGE$");
    private static final Pattern FETCH = Pattern.compile("^\\* (\\d+) FETCH \\((.*)\\)$");
    private static final Pattern UID = Pattern.compile("(?:^|[ (])UID (\\d+)");
    private static final Pattern FLAGS = Pattern.compile("FLAGS \\(([^)]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\}$");
    private static final Pattern SEARCH = Pattern.compile("^\\* SEARCH((?: \\d+)*)$");
    private static final Pattern MAILBOX_FLAGS = Pattern.compile("^\\* FLAGS \\(([^)]*)\\)$");

    final String name;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int tags;
    private String selected;
    /** UIDs by sequence number - 1; null where the UID is not known yet. */
    final List<Long> view = new ArrayList<>();
    /** The last FLAGS the server reported for each UID of the view. */
    final Map<Long, String> flags = new HashMap<>();
    /** UIDs the server reported as expunged, where the model knew the UID. */
    final List<Long> expunged = new ArrayList<>();
    /** Expunges of messages whose UID the model never learnt. */
    int expungedUnknown;
    /** The flags of the last {@code * FLAGS} response: the only keywords a FETCH may carry. */
    private final Set<String> announced = new HashSet<>();
    /** Checks made against the model. */
    long checks;
    private boolean lastSearchWasUid;

    ModelSession(String name, String host, int port) throws IOException {
        this.name = name;
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        String greeting = readLine();
        if (greeting == null || !greeting.startsWith("* OK")) {
            throw new AssertionError(name + ": bad greeting " + greeting);
        }
    }

    String selected() {
        return selected;
    }

    /** Sends {@code tag command}, applies every untagged line to the model, returns all lines. */
    List<String> command(String command) throws IOException {
        return command(command.getBytes(StandardCharsets.UTF_8));
    }

    List<String> command(byte[] command) throws IOException {
        String tag = "t" + (++tags);
        String text = new String(command, StandardCharsets.ISO_8859_1);
        lastSearchWasUid = text.startsWith("UID SEARCH");
        boolean selecting = text.startsWith("SELECT ") || text.startsWith("EXAMINE ");
        if (selecting) {
            view.clear();
            flags.clear();
            selected = null;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes((tag + " ").getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(command);
        line.writeBytes(new byte[] {'\r', '\n'});
        out.write(line.toByteArray());
        out.flush();
        List<String> lines = readUntil(tag + " ");
        String status = lines.get(lines.size() - 1);
        if (selecting && status.startsWith(tag + " OK")) {
            selected = text.substring(text.indexOf(' ') + 1);
        }
        return lines;
    }

    /** IDLE, then DONE as soon as the server is idling; returns every line. */
    List<String> idle() throws IOException {
        String tag = "t" + (++tags);
        out.write((tag + " IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        List<String> lines = readUntil("+ ");
        out.write("DONE\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        lines.addAll(readUntil(tag + " "));
        return lines;
    }

    void logout() throws IOException {
        List<String> lines = command("LOGOUT");
        check(lines.get(lines.size() - 1).contains(" OK "), "LOGOUT failed: " + lines);
    }

    private List<String> readUntil(String prefix) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                throw new AssertionError(name + ": connection closed while waiting for '" + prefix + "' after " + lines);
            }
            lines.add(line);
            if (line.startsWith(prefix)) {
                return lines;
            }
            apply(line);
        }
    }

    private void apply(String line) {
        Matcher m;
        if ((m = EXISTS.matcher(line)).matches()) {
            int n = Integer.parseInt(m.group(1));
            check(n >= view.size(), "EXISTS " + n + " below the " + view.size() + " messages known");
            while (view.size() < n) {
                view.add(null);
            }
        } else if ((m = EXPUNGE.matcher(line)).matches()) {
            int n = Integer.parseInt(m.group(1));
            check(n >= 1 && n <= view.size(), line + " with " + view.size() + " messages known");
            Long uid = view.remove(n - 1);
            if (uid == null) {
                expungedUnknown++;
            } else {
                expunged.add(uid);
                flags.remove(uid);
            }
        } else if ((m = FETCH.matcher(line)).matches()) {
            int n = Integer.parseInt(m.group(1));
            check(n >= 1 && n <= view.size(), line + " with " + view.size() + " messages known");
            Matcher uid = UID.matcher(m.group(2));
            if (uid.find()) {
                long u = Long.parseLong(uid.group(1));
                Long known = view.get(n - 1);
                check(known == null || known == u, line + ": the model has UID " + known + " at " + n);
                view.set(n - 1, u);
                checkAscending(n - 1, line);
            }
            Matcher f = FLAGS.matcher(m.group(2));
            Long u = view.get(n - 1);
            if (f.find()) {
                checkAnnounced(f.group(1), line);
                if (u != null) {
                    flags.put(u, f.group(1));
                }
            }
        } else if ((m = MAILBOX_FLAGS.matcher(line)).matches()) {
            announced.clear();
            announced.addAll(List.of(m.group(1).split(" ")));
        } else if ((m = SEARCH.matcher(line)).matches()) {
            if (!lastSearchWasUid && !m.group(1).isEmpty()) {
                for (String s : m.group(1).trim().split(" ")) {
                    int n = Integer.parseInt(s);
                    check(n >= 1 && n <= view.size(), line + " with " + view.size() + " messages known");
                }
            }
        } else if (line.startsWith("* BYE") && !line.contains("Logging out")) {
            throw new AssertionError(name + ": unexpected " + line);
        }
    }

    /** RFC 3501 §7.2.6: each keyword in a FETCH, spelt exactly so, was in the last FLAGS response. */
    private void checkAnnounced(String fetchedFlags, String line) {
        for (String flag : fetchedFlags.split(" ")) {
            if (!flag.isEmpty() && !flag.startsWith("\\")) {
                check(announced.contains(flag), line + ": keyword " + flag + " not in the last FLAGS " + announced);
            }
        }
    }

    /** The known UIDs nearest to {@code index} on each side must be below and above it. */
    private void checkAscending(int index, String line) {
        long u = view.get(index);
        for (int i = index - 1; i >= 0; i--) {
            if (view.get(i) != null) {
                check(view.get(i) < u, line + ": UIDs not ascending in the model " + view);
                break;
            }
        }
        for (int i = index + 1; i < view.size(); i++) {
            if (view.get(i) != null) {
                check(view.get(i) > u, line + ": UIDs not ascending in the model " + view);
                break;
            }
        }
    }

    private void check(boolean ok, String what) {
        checks++;
        if (!ok) {
            throw new AssertionError(name + " (" + selected + "): " + what);
        }
    }

    /** Reads a line without CRLF; a literal's octets are kept as {@code <n octets>}. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                String text = new String(b, 0, len, StandardCharsets.ISO_8859_1);
                Matcher lit = LITERAL.matcher(text);
                if (lit.find()) {
                    int n = Integer.parseInt(lit.group(1));
                    in.readNBytes(n);
                    line.reset();
                    line.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
                    line.writeBytes(("<" + n + " octets>").getBytes(StandardCharsets.US_ASCII));
                    continue;
                }
                return text;
            }
            line.write(c);
        }
        return null;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
