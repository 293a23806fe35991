package dev.imapmock.sort;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.testing.Angus;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.SubjectTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.SortTerm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Angus Mail sorting on the server ({@link IMAPFolder#getSortedMessages}), with and without a
 * search term, over the messages of {@code sort/}; the orders are Dovecot's for the same messages.
 */
@Timeout(30)
class SortAngusTest {
    private ImapMockServer server;
    private Store store;

    private IMAPFolder open(Extension... without) throws MessagingException {
        server = ImapMockServer.builder().user("alice", "secret").fixtures(SortTranscriptTest.MESSAGES)
                .without(without).build().start();
        store = Angus.connect(server, "alice", "secret");
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox;
    }

    @AfterEach
    void close() throws MessagingException {
        if (store != null) {
            store.close();
        }
        server.close();
    }

    @Test
    void sortedMessagesComeInTheServersOrder() throws MessagingException {
        IMAPFolder inbox = open();
        assertThat(((IMAPStore) store).hasCapability("SORT")).isTrue();

        assertThat(numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.SUBJECT})))
                .containsExactly(6, 7, 12, 26, 16, 4, 13, 14, 25, 5, 17, 18, 27, 29, 19, 24, 20, 21, 28, 31, 9, 8,
                        30, 1, 2, 3, 33, 15, 32, 22, 23, 11, 10);
        assertThat(numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.REVERSE, SortTerm.DATE})))
                .startsWith(33, 32, 31, 30, 29, 28).endsWith(3, 4, 1, 2);
        assertThat(numbers(inbox.getSortedMessages(new SortTerm[] {SortTerm.TO})))
                .startsWith(1, 9, 2, 8, 10, 5, 26, 6);
        assertThat(server.journal().commands()).map(ReceivedCommand::name).contains("SORT");
    }

    @Test
    void aSearchTermPicksTheMessagesThatAreSorted() throws MessagingException {
        IMAPFolder inbox = open();

        Message[] sorted = inbox.getSortedMessages(new SortTerm[] {SortTerm.REVERSE, SortTerm.SIZE, SortTerm.FROM},
                new SubjectTerm("banana"));

        assertThat(numbers(sorted)).containsExactly(17, 27, 18);
        assertThat(sorted[0].getSubject()).isEqualTo("[list] Fw[3]: banana");
    }

    @Test
    void withoutSortTheServerRefusesAndAngusSaysSo() throws MessagingException {
        IMAPFolder inbox = open(Extension.SORT);
        assertThat(((IMAPStore) store).hasCapability("SORT")).isFalse();

        assertThatThrownBy(() -> inbox.getSortedMessages(new SortTerm[] {SortTerm.DATE}))
                .isInstanceOf(MessagingException.class);
    }

    private static List<Integer> numbers(Message[] messages) {
        return Arrays.stream(messages).map(Message::getMessageNumber).toList();
    }
}
