package dev.imapmock.gmail;

import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * X-GM-LABELS over a socket, exact bytes: FETCH in a label's folder and in All Mail (the selected
 * folder's own label left out, system labels quoted as Gmail sends them), STORE's three forms and
 * .SILENT, X-GM-RAW's label: and in:, and the refusals, after which the store is as it was.
 */
@Timeout(20)
class GmailLabelsTranscriptTest {

    private static ImapMockServer server() {
        ImapMockServer server = ImapMockServer.builder().profile(Profile.GMAIL).user("alice", "secret").build().start();
        server.store().account("alice").orElseThrow().create("Work");
        server.store().account("alice").orElseThrow().create("Big Plans");
        server.deliver("alice", "INBOX", "Subject: a\r\n\r\na\r\n".getBytes(StandardCharsets.US_ASCII));
        server.deliver("alice", "INBOX", "Subject: b\r\n\r\nb\r\n".getBytes(StandardCharsets.US_ASCII));
        return server;
    }

    private static RawClient login(ImapMockServer server) {
        RawClient client = new RawClient(server.host(), server.port());
        client.readLine();
        client.command("l", "LOGIN alice secret");
        return client;
    }

    @Test
    void fetchShowsEveryLabelButTheSelectedFoldersOwn() {
        try (ImapMockServer server = server(); RawClient c = login(server)) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: f1 FETCH 1:2 (X-GM-LABELS)
                    S: * 1 FETCH (X-GM-LABELS ())
                    S: * 2 FETCH (X-GM-LABELS ())
                    S: f1 OK Fetch completed.
                    C: f2 STORE 1 +X-GM-LABELS (Work "Big Plans" \\Starred)
                    S: * 1 FETCH (X-GM-LABELS ("Big Plans" Work "\\\\Starred"))
                    S: * 1 FETCH (FLAGS (\\Flagged))
                    S: f2 OK Store completed.
                    C: f3 FETCH 1 (FLAGS X-GM-LABELS)
                    S: * 1 FETCH (FLAGS (\\Flagged) X-GM-LABELS ("Big Plans" Work "\\\\Starred"))
                    S: f3 OK Fetch completed.
                    C: f4 SELECT "[Gmail]/All Mail"
                    """);
            c.readUntilTagged("f4");
            c.play("""
                    C: f5 UID FETCH 1 (X-GM-LABELS)
                    S: * 1 FETCH (UID 1 X-GM-LABELS ("Big Plans" "\\\\Inbox" Work "\\\\Starred"))
                    S: f5 OK UID FETCH completed.
                    """);
        }
    }

    @Test
    void storeReplacesAddsAndRemovesAndSilentSaysNothing() {
        try (ImapMockServer server = server(); RawClient c = login(server)) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: t1 STORE 2 X-GM-LABELS (Work)
                    S: * 2 FETCH (X-GM-LABELS (Work))
                    S: t1 OK Store completed.
                    C: t2 UID STORE 2 +X-GM-LABELS.SILENT ("Big Plans")
                    S: t2 OK UID STORE completed.
                    C: t3 UID STORE 2 -X-GM-LABELS Work
                    S: * 2 FETCH (X-GM-LABELS ("Big Plans") UID 2)
                    S: t3 OK UID STORE completed.
                    C: t4 STORE 2 -X-GM-LABELS ("\\\\Inbox")
                    S: * 2 FETCH (X-GM-LABELS ("Big Plans"))
                    S: t4 OK Store completed.
                    C: t5 NOOP
                    S: * 2 EXPUNGE
                    S: t5 OK NOOP completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().mailbox("Big Plans").size()).isEqualTo(1);
        }
    }

    @Test
    void aLabelThatHasNoFolderYetGetsOne() {
        try (ImapMockServer server = server(); RawClient c = login(server)) {
            c.command("s", "SELECT INBOX");
            c.play("""
                    C: n1 STORE 1 +X-GM-LABELS (Receipts/2026)
                    S: * 1 FETCH (X-GM-LABELS (Receipts/2026))
                    S: n1 OK Store completed.
                    C: n2 LIST "" Receipts*
                    S: * LIST (\\HasChildren) "/" Receipts
                    S: * LIST (\\HasNoChildren) "/" Receipts/2026
                    S: n2 OK LIST completed.
                    """);
        }
    }

    @Test
    void xGmRawFindsMessagesByLabelAndFolder() {
        try (ImapMockServer server = server(); RawClient c = login(server)) {
            c.command("s", "SELECT INBOX");
            c.command("p", "STORE 2 +X-GM-LABELS (\"Big Plans\" \\Important)");
            c.play("""
                    C: r1 SEARCH X-GM-RAW "label:big-plans"
                    S: * SEARCH 2
                    S: r1 OK Search completed.
                    C: r2 SEARCH X-GM-RAW "in:inbox -label:important"
                    S: * SEARCH 1
                    S: r2 OK Search completed.
                    C: r3 SEARCH X-GM-RAW "in:anywhere"
                    S: * SEARCH 1 2
                    S: r3 OK Search completed.
                    C: r4 SEARCH X-GM-RAW "label:Work OR in:trash"
                    S: * SEARCH
                    S: r4 OK Search completed.
                    """);
        }
    }

    @Test
    void malformedOrImpossibleLabelStoresAreRefusedAndChangeNothing() {
        try (ImapMockServer server = server(); RawClient c = login(server)) {
            c.command("s", "SELECT INBOX");
            List<String> before = StoreSnapshot.of(server.store());
            c.play("""
                    C: e1 STORE 1 +X-GM-LABELS
                    S: e1 BAD X-GM-LABELS needs labels: a list such as ("\\\\Inbox" Work)
                    C: e2 STORE 1 +X-GM-LABELS (Work (nested))
                    S: e2 BAD A label is an atom or a string, not a list
                    C: e3 STORE 1 +X-GM-LABELS (Work \\Nonsense)
                    S: e3 NO [NONEXISTENT] No system label \\Nonsense
                    C: e4 STORE 1 +X-GM-LABELS ("")
                    S: e4 BAD A label is not empty
                    C: e5 STORE 1 +X-GM-LABELS ([Gmail])
                    S: e5 NO [CANNOT] [Gmail] cannot hold messages
                    C: e6 EXAMINE INBOX
                    """);
            c.readUntilTagged("e6");
            c.play("""
                    C: e7 STORE 1 +X-GM-LABELS (Work)
                    S: e7 NO [READ-ONLY] Mailbox is read-only
                    """);
            c.assertStillWorks("e8");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void withoutTheGmailExtensionTheItemsAreUnknown() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("s", "SELECT INBOX");
            c.send("x1 STORE 1 +X-GM-LABELS (Work)");
            assertThat(c.readLine()).startsWith("x1 BAD ");
            c.send("x2 FETCH 1 X-GM-LABELS");
            assertThat(c.readLine()).startsWith("x2 BAD ");
            c.assertStillWorks("x3");
        }
    }
}
