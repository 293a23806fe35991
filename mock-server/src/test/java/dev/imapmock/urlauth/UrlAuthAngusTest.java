package dev.imapmock.urlauth;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URLAUTH (RFC 4467) driven by Angus Mail, which has no API for it: one user authorizes a URL
 * with GENURLAUTH through {@link IMAPFolder#doCommand}, another fetches it with URLFETCH and reads
 * the literal Angus Mail parsed, and a RESETKEY makes the same URL answer NIL.
 */
@Timeout(20)
class UrlAuthAngusTest {

    private static List<Response> run(IMAPFolder folder, String command, Argument args) throws Exception {
        List<Response> untagged = new ArrayList<>();
        folder.doCommand(protocol -> {
            Response[] responses = ((IMAPProtocol) protocol).command(command, args);
            for (int i = 0; i < responses.length - 1; i++) {
                untagged.add(responses[i]);
            }
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
        return untagged;
    }

    @Test
    void oneUserAuthorizesAUrlThatAnotherFetches() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").user("bob", "secret")
                .with(Extension.URLAUTH, Extension.URLAUTH_BINARY).build().start()) {
            UrlAuthTranscriptTest.add(UrlAuthTranscriptTest.inbox(server), UrlAuthTranscriptTest.MESSAGE);
            String url;
            Store alice = Angus.connect(server, "alice", "secret");
            try {
                IMAPFolder inbox = (IMAPFolder) alice.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Response> generated = run(inbox, "GENURLAUTH", new Argument()
                        .writeString("imap://alice@localhost/INBOX/;UID=1/;SECTION=1;URLAUTH=user+bob").writeAtom("INTERNAL"));
                assertThat(generated).hasSize(1);
                Response response = generated.get(0);
                assertThat(((IMAPResponse) response).keyEquals("GENURLAUTH")).isTrue();
                url = response.readAtomString();
                assertThat(url).matches("imap://alice@localhost/INBOX/;UID=1/;SECTION=1;URLAUTH=user\\+bob:internal:01[0-9a-f]{40}");
            } finally {
                alice.close();
            }
            Store bob = Angus.connect(server, "bob", "secret");
            try {
                IMAPFolder inbox = (IMAPFolder) bob.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Response> fetched = run(inbox, "URLFETCH", new Argument().writeString(url));
                Response data = fetched.get(0);
                assertThat(((IMAPResponse) data).keyEquals("URLFETCH")).isTrue();
                assertThat(data.readAtomString()).isEqualTo(url);
                assertThat(data.readString()).isEqualTo("Hello world");
                assertThat(inbox.getMessageCount()).isZero();
            } finally {
                bob.close();
            }
            alice = Angus.connect(server, "alice", "secret");
            try {
                IMAPFolder inbox = (IMAPFolder) alice.getFolder("INBOX");
                run(inbox, "RESETKEY", new Argument().writeString("INBOX"));
                List<Response> fetched = run(inbox, "URLFETCH", new Argument().writeString(url));
                assertThat(fetched.get(0).toString()).endsWith(" NIL");
                assertThat(fetched.get(1).isNO()).isTrue();
            } finally {
                alice.close();
            }
        }
    }
}
