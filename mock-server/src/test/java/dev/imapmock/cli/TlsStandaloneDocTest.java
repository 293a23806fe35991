package dev.imapmock.cli;

import dev.imapmock.testing.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The standalone snippets of docs/tls-and-auth.md, run for real: the launcher in-process, then
 * curl and Python's imaplib as separate processes trusting the PEM it wrote. Each tool's test is
 * skipped, saying so, on a machine without it.
 */
@Timeout(60)
class TlsStandaloneDocTest {
    private static final String PAGE = "tls-and-auth.md";
    private static final Pattern IMAP = Pattern.compile("IMAP server listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern IMAPS = Pattern.compile("IMAPS server listening on 127\\.0\\.0\\.1:(\\d+)");

    static final String START = """
            java -jar imapmock-server-0.1.0-SNAPSHOT-standalone.jar --port 0 --tls --tls-port 0 --require-tls \\
                 --user alice:secret --tls-cert-out cert.pem
            """;

    static final String CURL = """
            curl --cacert cert.pem imaps://127.0.0.1:IMAPS_PORT/INBOX -u alice:secret
            curl --ssl-reqd --cacert cert.pem imap://127.0.0.1:IMAP_PORT/INBOX -u alice:secret
            """;

    static final String CURL_REFUSED = """
            curl imap://127.0.0.1:IMAP_PORT/INBOX -u alice:secret
            """;

    static final String PYTHON = """
            import imaplib, ssl

            context = ssl.create_default_context(cafile="cert.pem")   # trusts the server; checks host names

            with imaplib.IMAP4_SSL("127.0.0.1", IMAPS_PORT, ssl_context=context) as imap:   # implicit TLS
                imap.login("alice", "secret")
                print(imap.select("INBOX"))

            with imaplib.IMAP4("127.0.0.1", IMAP_PORT) as imap:                             # STARTTLS
                imap.starttls(ssl_context=context)
                imap.login("alice", "secret")
                print(imap.select("INBOX"))
            """;

    private record Ports(int imap, int imaps) {
        String fill(String text) {
            return text.replace("IMAPS_PORT", Integer.toString(imaps)).replace("IMAP_PORT", Integer.toString(imap));
        }
    }

    /** {@code out} is standard output only: curl's progress meter and messages go to {@code err}. */
    private record Result(int status, String out, String err) {
        /** What a test compares: the status and standard output. */
        String seen() {
            return status + " " + out;
        }
    }


    /** Starts the launcher as the page's command line says, the PEM going to {@code dir}. */
    private static TlsOptionsTest.Running start(Path dir) {
        List<String> words = new ArrayList<>(Arrays.asList(START.replace("\\\n", " ").strip().split("\\s+")));
        words.subList(0, 3).clear();   // java -jar the.jar
        words.replaceAll(w -> w.equals("cert.pem") ? dir.resolve("cert.pem").toString() : w);
        return new TlsOptionsTest.Running(System::getenv, words.toArray(new String[0]));
    }

    private static Result exec(Path dir, List<String> command) throws Exception {
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(err));
    }

    private static String which(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(d, tool);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    @Test
    void thePageHoldsTheStandaloneSnippets() {
        DocSnippets.assertPageHolds(PAGE, START);
        DocSnippets.assertPageHolds(PAGE, CURL);
        DocSnippets.assertPageHolds(PAGE, PYTHON);
    }

    @Test
    void curlReadsTheInboxOverImapsAndStarttlsTrustingThePem(@TempDir Path dir) throws Exception {
        assumeTrue(which("curl") != null, "curl is not on the PATH; the curl snippet is not run");
        try (TlsOptionsTest.Running launcher = start(dir)) {
            Ports ports = new Ports(launcher.await(IMAP), launcher.await(IMAPS));
            for (String line : ports.fill(CURL).strip().split("\n")) {
                Result r = exec(dir, List.of(line.split(" ")));
                assertThat(r.seen()).as("%s; on stderr: %s", line, r.err())
                        .isEqualTo("0 * LIST (\\HasNoChildren) \"/\" INBOX\r\n");
            }
            Result clear = exec(dir, List.of(ports.fill(CURL_REFUSED).strip().split(" ")));
            assertThat(clear.status()).as("curl in clear against --require-tls; said: %s", clear.err()).isNotZero();
            Result untrusted = exec(dir, List.of("curl", "-sS", "imaps://127.0.0.1:" + ports.imaps() + "/INBOX",
                    "-u", "alice:secret"));
            assertThat(untrusted.status()).as(untrusted.err()).isEqualTo(60);   // CURLE_PEER_FAILED_VERIFICATION
        }
    }

    @Test
    void pythonImaplibReadsTheInboxOverImapsAndStarttlsTrustingThePem(@TempDir Path dir) throws Exception {
        String python = which("python3");
        assumeTrue(python != null, "python3 is not on the PATH; the Python snippet is not run");
        try (TlsOptionsTest.Running launcher = start(dir)) {
            Ports ports = new Ports(launcher.await(IMAP), launcher.await(IMAPS));
            Files.writeString(dir.resolve("read_inbox.py"), ports.fill(PYTHON));
            Result r = exec(dir, List.of(python, "read_inbox.py"));
            assertThat(r.seen()).as(r.err()).isEqualTo("0 ('OK', [b'0'])\n('OK', [b'0'])\n");
        }
    }
}
