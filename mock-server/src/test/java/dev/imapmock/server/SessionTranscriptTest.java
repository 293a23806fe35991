package dev.imapmock.server;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SessionTranscriptTest {
    private ImapMockServer server;

    @BeforeEach
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loginSelectAppendAndLogout() {
        try (RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 LOGIN alice secret
                    S: a1 OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE ENABLE CONDSTORE ESEARCH SEARCHRES WITHIN] Logged in
                    C: a2 APPEND INBOX (\\Seen) {5+}
                    C: hello
                    S~ a2 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    C: a3 SELECT INBOX
                    S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
                    S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted.
                    S: * 1 EXISTS
                    S: * 1 RECENT
                    S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                    S: * OK [UIDNEXT 2] Predicted next UID
                    S: a3 OK [READ-WRITE] Select completed.
                    C: a4 LOGOUT
                    S: * BYE Logging out
                    S: a4 OK Logout completed.
                    """);
        }
    }
}
