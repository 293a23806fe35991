package dev.imapmock.profile;

import dev.imapmock.ImapMockServer;
import dev.imapmock.Profile;
import dev.imapmock.store.SpecialUseMailboxes;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole Angus Mail client suite of {@code access/AngusMailClientTest} against the
 * {@code minimal} profile: a bare IMAP4rev1 server, so Angus takes its fallback paths. The
 * folders of the default suite (Archive ...) are given explicitly: they then exist without
 * SPECIAL-USE, as on a bare server. Only MOVE differs: Angus has no fallback for it.
 */
class AngusMinimalProfileTest extends dev.imapmock.access.AngusMailClientTest {
    @Override
    protected ImapMockServer.Builder builder() {
        return ImapMockServer.builder().profile(Profile.MINIMAL).specialUse(SpecialUseMailboxes.defaults());
    }

    @Test
    void capabilitiesAreBare() {
        assertThat(server.capabilities(true)).isEqualTo("IMAP4rev1");
    }

    @Override
    @Test
    public void moveMessagesRemovesThemFromTheSource() throws Exception {
        Folder archive = store.getFolder("Archive");
        Message[] two = {inbox.getMessage(2), inbox.getMessage(5)};
        assertThatThrownBy(() -> ((IMAPFolder) inbox).moveMessages(two, archive))
                .isInstanceOf(MessagingException.class).hasMessageContaining("MOVE not supported");
        // What an application does instead on a server without MOVE: COPY, \Deleted, EXPUNGE.
        inbox.copyMessages(two, archive);
        inbox.setFlags(two, new Flags(Flags.Flag.DELETED), true);
        inbox.expunge();
        assertThat(inbox.getMessageCount()).as("the two moved and the one the fixture marks \\Deleted are gone").isEqualTo(2);
        archive.open(Folder.READ_ONLY);
        try {
            assertThat(Arrays.stream(archive.getMessages()).map(m -> {
                try {
                    return m.getSubject();
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            })).containsExactly("Grüße aus Köln", "hello again");
        } finally {
            archive.close(false);
        }
        assertThat(server.journal().commands()).noneSatisfy(c -> assertThat(c.name()).isEqualTo("MOVE"));
    }
}
