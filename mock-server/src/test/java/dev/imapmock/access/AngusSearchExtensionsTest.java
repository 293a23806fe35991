package dev.imapmock.access;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.store.Mailbox;
import dev.imapmock.testing.MutableClock;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.SearchException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.ModifiedSinceTerm;
import org.eclipse.angus.mail.imap.OlderTerm;
import org.eclipse.angus.mail.imap.YoungerTerm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Angus Mail's IMAP-only search terms against the server: {@link YoungerTerm} and
 * {@link OlderTerm} (WITHIN, RFC 5032) and {@link ModifiedSinceTerm} (CONDSTORE's MODSEQ, RFC 7162
 * §3.1.5), searched by the server, not by Angus on its own. The server clock stands at
 * 1-Mar-2024 12:00:00 UTC; INBOX holds "day" (a day old), "hour" (an hour old) and "now" (ten
 * seconds old).
 */
@Timeout(30)
class AngusSearchExtensionsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    private ImapMockServer server;
    private Store store;
    private Folder inbox;

    private void open(Properties extra, Extension... without) throws Exception {
        server = ImapMockServer.builder().user("alice", "secret").clock(clock).without(without).build().start();
        Mailbox mailbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
        mailbox.append(Wire.message("Subject: day\n\nold\n"), dev.imapmock.store.Flags.NONE,
                OffsetDateTime.parse("2024-02-29T12:00:00Z"));
        mailbox.append(Wire.message("Subject: hour\n\nnewer\n"), dev.imapmock.store.Flags.NONE,
                OffsetDateTime.parse("2024-03-01T11:00:00Z"));
        mailbox.append(Wire.message("Subject: now\n\nnewest\n"), dev.imapmock.store.Flags.NONE,
                OffsetDateTime.parse("2024-03-01T11:59:50Z"));
        Properties props = new Properties();
        props.setProperty("mail.imap.host", server.host());
        props.setProperty("mail.imap.port", Integer.toString(server.port()));
        props.setProperty("mail.imap.connectiontimeout", "5000");
        props.setProperty("mail.imap.timeout", "10000");
        props.putAll(extra);
        store = Session.getInstance(props).getStore("imap");
        store.connect("alice", "secret");
        inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
    }

    @AfterEach
    void stop() throws Exception {
        if (inbox != null && inbox.isOpen()) {
            inbox.close(false);
        }
        if (store != null) {
            store.close();
        }
        server.close();
    }

    private static List<String> subjects(Message[] messages) throws Exception {
        String[] subjects = new String[messages.length];
        for (int i = 0; i < messages.length; i++) {
            subjects[i] = messages[i].getSubject();
        }
        return Arrays.asList(subjects);
    }

    /** What Angus sent after SEARCH: the criteria, followed by the {@code ALL} Angus adds. */
    private List<String> searchArguments() {
        return server.journal().commands().stream().filter(c -> c.is("SEARCH")).map(ReceivedCommand::arguments).toList();
    }

    @Test
    void youngerAndOlderTermsAreSearchedByTheServerClock() throws Exception {
        open(new Properties());
        assertThat(subjects(inbox.search(new YoungerTerm(3600)))).containsExactly("hour", "now");
        assertThat(subjects(inbox.search(new OlderTerm(3601)))).containsExactly("day");
        assertThat(subjects(inbox.search(new AndTerm(new YoungerTerm(86400), new OlderTerm(60))))).containsExactly("day", "hour");
        assertThat(searchArguments()).containsExactly("YOUNGER 3600 ALL", "OLDER 3601 ALL", "YOUNGER 86400 OLDER 60 ALL");
    }

    @Test
    void modifiedSinceTermFindsTheMessagesChangedSince() throws Exception {
        open(new Properties());
        Mailbox mailbox = server.store().account("alice").orElseThrow().mailbox("INBOX");
        long before = mailbox.highestModSeq();
        inbox.setFlags(new Message[] {inbox.getMessage(2)}, new Flags(Flags.Flag.FLAGGED), true);
        assertThat(subjects(inbox.search(new ModifiedSinceTerm(before + 1)))).containsExactly("hour");
        assertThat(subjects(inbox.search(new AndTerm(new ModifiedSinceTerm(1),
                new FlagTerm(new Flags(Flags.Flag.FLAGGED), false))))).containsExactly("day", "now");
        assertThat(((IMAPFolder) inbox).getHighestModSeq()).isEqualTo(mailbox.highestModSeq());
        assertThat(searchArguments()).containsExactly("MODSEQ " + (before + 1) + " ALL", "MODSEQ 1 UNFLAGGED ALL");
    }

    @Test
    void withoutWithinAngusRefusesTheTermsAndTheServerNeverSeesThem() throws Exception {
        Properties strict = new Properties();
        strict.setProperty("mail.imap.throwsearchexception", "true");
        open(strict, Extension.WITHIN);
        assertThatThrownBy(() -> inbox.search(new YoungerTerm(3600))).isInstanceOf(SearchException.class);
        assertThatThrownBy(() -> inbox.search(new OlderTerm(3600))).isInstanceOf(SearchException.class);
        assertThat(subjects(inbox.search(new ModifiedSinceTerm(1)))).containsExactly("day", "hour", "now");
        assertThat(searchArguments()).containsExactly("MODSEQ 1 ALL");
    }
}
