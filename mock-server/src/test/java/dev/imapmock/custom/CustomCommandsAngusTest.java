package dev.imapmock.custom;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client reaches a custom command the way Angus Mail lets an application send any command:
 * {@code IMAPFolder.doCommand} with {@code IMAPProtocol.command(name, arguments)}.
 */
@Timeout(20)
class CustomCommandsAngusTest {

    @Test
    void angusSeesTheCapabilityAndRunsTheCommandWithArguments() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            PigLatin.register(server.commands());
            Store store = Angus.connect(server, "alice", "secret");
            try {
                assertThat(((IMAPStore) store).hasCapability("XPIG-LATIN")).isTrue();
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<String> untagged = new ArrayList<>();
                Object status = inbox.doCommand(p -> {
                    Argument args = new Argument();
                    args.writeString("hello world");
                    Response[] r = p.command("XPIG-LATIN", args);
                    p.handleResult(r[r.length - 1]);
                    for (int i = 0; i < r.length - 1; i++) {
                        untagged.add(r[i].toString());
                    }
                    return r[r.length - 1].getRest();
                });
                assertThat(untagged).containsExactly("* XPIG-LATIN ello-hay orld-way");
                assertThat(status).isEqualTo("XPIG-LATIN ompleted-cay");
                assertThat(server.journal().commands("XPIG-LATIN")).singleElement()
                        .satisfies(c -> assertThat(c.arguments()).isEqualTo("\"hello world\""));
            } finally {
                store.close();
            }
        }
    }

    @Test
    void aRefusalReachesAngusAsTheExceptionOfAFailedCommand() throws Exception {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start()) {
            server.commands().register("XQUOTA-RESET", States.AUTHENTICATED, c -> Reply.no("NOPERM", "Not yours"));
            Store store = Angus.connect(server, "alice", "secret");
            try {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                assertThatThrownBy(() -> inbox.doCommand(p -> {
                    Response[] r = p.command("XQUOTA-RESET", null);
                    p.handleResult(r[r.length - 1]);
                    return null;
                })).isInstanceOf(MessagingException.class).hasMessageContaining("Not yours");
                assertThat(store.isConnected()).isTrue();
                assertThat(inbox.exists()).isTrue();
            } finally {
                store.close();
            }
        }
    }
}
