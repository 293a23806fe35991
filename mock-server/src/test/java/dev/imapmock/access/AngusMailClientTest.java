package dev.imapmock.access;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Angus;
import jakarta.mail.BodyPart;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.FromTerm;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.MessageIDTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.OrTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.RecipientStringTerm;
import jakarta.mail.search.RecipientTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SentDateTerm;
import jakarta.mail.search.SizeTerm;
import jakarta.mail.search.SubjectTerm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Angus Mail (jakarta.mail) against the server, the way applications read mail: the five
 * messages of {@code access/search/} (see {@link SearchKeysTest}) in INBOX.
 */
@Timeout(30)
public class AngusMailClientTest {
    protected ImapMockServer server;
    protected Store store;
    protected Folder inbox;

    @BeforeEach
    void start() throws Exception {
        server = builder().user("alice", "secret").fixtures(Wire.ACCESS.resolve("search")).build().start();
        store = Session.getInstance(Angus.properties(server)).getStore("imap");
        store.connect("alice", "secret");
        inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
    }

    /** The server these tests run against; a subclass runs them against a profile. */
    protected ImapMockServer.Builder builder() {
        return ImapMockServer.builder();
    }

    @AfterEach
    void stop() throws Exception {
        if (inbox.isOpen()) {
            inbox.close(false);
        }
        store.close();
        server.close();
    }

    @Test
    void readsEveryPartOfAMultipartAndItsAttachmentName() throws Exception {
        Message m = inbox.getMessage(4);
        assertThat(m.getSubject()).isEqualTo("invoice");
        assertThat(m.isMimeType("multipart/mixed")).isTrue();
        MimeMultipart multipart = (MimeMultipart) m.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        BodyPart text = multipart.getBodyPart(0);
        assertThat(text.getFileName()).isNull();
        assertThat(text.getContent()).isEqualTo("See the attached invoice.");
        BodyPart attachment = multipart.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("invoice.txt");
        assertThat(attachment.getDisposition()).isEqualTo(BodyPart.ATTACHMENT);
        try (InputStream in = attachment.getInputStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("secret payload text\r\n".repeat(40));
        }
    }

    @Test
    void decodesEncodedHeadersAndBase64AndQuotedPrintableBodies() throws Exception {
        Message encoded = inbox.getMessage(2);
        assertThat(encoded.getSubject()).isEqualTo("Grüße aus Köln");
        assertThat(((InternetAddress) encoded.getFrom()[0]).getPersonal()).isEqualTo("André Pirard");
        assertThat(encoded.getContent()).isEqualTo("Schöne Grüße vom Rhein.\r\n");
        assertThat(inbox.getMessage(3).getContent()).isEqualTo("Café crème, soft break.\r\n");
    }

    @Test
    void fetchProfileWithEnvelopeFlagsContentInfoAndUid() throws Exception {
        Message[] messages = inbox.getMessages();
        FetchProfile profile = new FetchProfile();
        profile.add(FetchProfile.Item.ENVELOPE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.CONTENT_INFO);
        profile.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(messages, profile);
        assertThat(messages).hasSize(5);
        assertThat(messages[0].getSubject()).isEqualTo("Quarterly report");
        assertThat(messages[0].getFrom()).containsExactly(new InternetAddress("alice@example.org", "Alice Example"));
        assertThat(messages[0].getSentDate()).isEqualTo(Date.from(java.time.Instant.parse("2024-01-01T10:00:00Z")));
        assertThat(messages[0].getReceivedDate()).isEqualTo(Date.from(java.time.Instant.parse("2024-01-02T10:00:00Z")));
        assertThat(messages[0].getSize()).isEqualTo(241);
        assertThat(messages[0].isSet(Flags.Flag.SEEN)).isTrue();
        assertThat(messages[0].isSet(Flags.Flag.ANSWERED)).isTrue();
        assertThat(messages[2].getFlags().contains("$Label1")).isTrue();
        assertThat(messages[3].getContentType()).startsWith("multipart/mixed");
        assertThat(messages[1].getContentType()).isEqualToIgnoringCase("text/plain; charset=utf-8");
        assertThat(((UIDFolder) inbox).getUID(messages[4])).isEqualTo(5);
    }

    @Test
    void everySearchTermKind() throws Exception {
        assertSearch(new SubjectTerm("report"), 1);
        assertSearch(new SubjectTerm("Grüße"), 2);
        assertSearch(new FromStringTerm("billing"), 4);
        assertSearch(new FromTerm(new InternetAddress("bob@example.net")), 5);
        assertSearch(new RecipientStringTerm(Message.RecipientType.TO, "bob"), 1, 3);
        assertSearch(new RecipientStringTerm(Message.RecipientType.CC, "bob"), 4);
        assertSearch(new RecipientTerm(Message.RecipientType.BCC, new InternetAddress("dave@example.com")), 1);
        assertSearch(new BodyTerm("Rhein"), 2);
        assertSearch(new BodyTerm("crème"), 3);
        assertSearch(new FlagTerm(new Flags(Flags.Flag.FLAGGED), true), 2);
        assertSearch(new FlagTerm(new Flags(Flags.Flag.SEEN), false), 2, 3, 4, 5);
        assertSearch(new FlagTerm(new Flags("$Label1"), true), 3);
        assertSearch(new ReceivedDateTerm(ComparisonTerm.GE, day(2024, 3, 10)), 4, 5);
        assertSearch(new ReceivedDateTerm(ComparisonTerm.EQ, day(2024, 1, 2)), 1);
        assertSearch(new ReceivedDateTerm(ComparisonTerm.LT, day(2024, 2, 15)), 1);
        assertSearch(new SentDateTerm(ComparisonTerm.EQ, day(2024, 1, 1)), 1);
        assertSearch(new SentDateTerm(ComparisonTerm.GT, day(2024, 3, 1)), 4, 5);
        assertSearch(new SentDateTerm(ComparisonTerm.LE, day(2024, 2, 15)), 1, 2);
        assertSearch(new SentDateTerm(ComparisonTerm.NE, day(2024, 2, 15)), 1, 3, 4, 5);
        assertSearch(new SizeTerm(ComparisonTerm.GT, 300), 2, 4);
        assertSearch(new SizeTerm(ComparisonTerm.LT, 250), 1, 5);
        assertSearch(new AndTerm(new FlagTerm(new Flags(Flags.Flag.DELETED), false),
                new RecipientStringTerm(Message.RecipientType.TO, "alice")), 2, 5);
        assertSearch(new OrTerm(new FlagTerm(new Flags(Flags.Flag.DRAFT), true), new SubjectTerm("hello")), 3, 5);
        assertSearch(new NotTerm(new FromStringTerm("example.com")), 1, 2, 5);
        assertSearch(new HeaderTerm("X-Priority", "1"), 3);
        assertSearch(new MessageIDTerm("<koeln@example.fr>"), 2);
    }

    private void assertSearch(SearchTerm term, int... expected) throws Exception {
        int[] found = Arrays.stream(inbox.search(term)).mapToInt(Message::getMessageNumber).toArray();
        assertThat(found).as(term.getClass().getSimpleName()).containsExactly(expected);
    }

    private static Date day(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(12, 0).atZone(ZoneId.systemDefault()).toInstant());
    }

    @Test
    void setFlagsIsSeenByTheServerAndAnotherClient() throws Exception {
        inbox.setFlags(new int[] {2, 5}, new Flags(Flags.Flag.SEEN), true);
        inbox.getMessage(1).setFlags(new Flags(Flags.Flag.ANSWERED), false);
        inbox.getMessage(5).setFlags(new Flags("Work"), true);
        try (Folder other = openedAgain()) {
            assertThat(other.getMessage(2).isSet(Flags.Flag.SEEN)).isTrue();
            assertThat(other.getMessage(1).isSet(Flags.Flag.ANSWERED)).isFalse();
            assertThat(other.getMessage(5).getFlags().contains("Work")).isTrue();
            assertThat(other.getUnreadMessageCount()).isEqualTo(2);
        }
    }

    @Test
    void copyMessagesKeepsFlagsAndDates() throws Exception {
        Folder archive = store.getFolder("Archive");
        assertThat(archive.exists()).as("the default special-use Archive").isTrue();
        assertThat(archive.getMessageCount()).isZero();
        inbox.copyMessages(new Message[] {inbox.getMessage(1), inbox.getMessage(3)}, archive);
        archive.open(Folder.READ_ONLY);
        try {
            assertThat(archive.getMessageCount()).isEqualTo(2);
            assertThat(archive.getMessage(1).getSubject()).isEqualTo("Quarterly report");
            assertThat(archive.getMessage(1).isSet(Flags.Flag.ANSWERED)).isTrue();
            assertThat(archive.getMessage(1).getReceivedDate()).isEqualTo(inbox.getMessage(1).getReceivedDate());
            assertThat(archive.getMessage(2).getFlags().contains("$Label1")).isTrue();
        } finally {
            archive.close(false);
        }
        assertThat(inbox.getMessageCount()).isEqualTo(5);
    }

    @Test
    public void moveMessagesRemovesThemFromTheSource() throws Exception {
        Folder archive = store.getFolder("Archive");
        archive.create(Folder.HOLDS_MESSAGES);
        ((org.eclipse.angus.mail.imap.IMAPFolder) inbox).moveMessages(new Message[] {inbox.getMessage(2), inbox.getMessage(5)},
                archive);
        Message[] moved = {inbox.getMessage(2), inbox.getMessage(5)};
        assertThat(moved).allSatisfy(m -> assertThat(m.isExpunged()).isTrue());
        inbox.close(false);
        inbox.open(Folder.READ_WRITE);
        assertThat(Arrays.stream(inbox.getMessages()).map(this::subject)).containsExactly("Quarterly report", "menu",
                "invoice");
        assertThat(server.journal().commands()).anySatisfy(c -> assertThat(c.name()).isEqualTo("MOVE"));
        archive.open(Folder.READ_ONLY);
        try {
            assertThat(Arrays.stream(archive.getMessages()).map(this::subject)).containsExactly("Grüße aus Köln",
                    "hello again");
        } finally {
            archive.close(false);
        }
    }

    @Test
    void expungeRemovesDeletedMessages() throws Exception {
        inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
        Message[] gone = inbox.expunge();
        assertThat(gone).extracting(Message::getMessageNumber).containsExactly(1, 4);
        assertThat(inbox.getMessageCount()).isEqualTo(3);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void uidFolderMethods() throws Exception {
        UIDFolder uids = (UIDFolder) inbox;
        assertThat(uids.getUIDValidity()).isPositive();
        assertThat(uids.getUIDNext()).isEqualTo(6);
        assertThat(uids.getMessageByUID(3).getSubject()).isEqualTo("menu");
        assertThat(uids.getMessageByUID(99)).isNull();
        assertThat(Arrays.stream(uids.getMessagesByUID(2, 4)).map(this::uid)).containsExactly(2L, 3L, 4L);
        assertThat(Arrays.stream(uids.getMessagesByUID(4, UIDFolder.LASTUID)).map(this::uid)).containsExactly(4L, 5L);
        assertThat(Arrays.stream(uids.getMessagesByUID(new long[] {5, 1})).map(this::uid)).containsExactly(5L, 1L);
        assertThat(uids.getUID(inbox.getMessage(4))).isEqualTo(4);
        inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
        inbox.expunge();
        assertThat(uids.getUID(inbox.getMessage(1))).isEqualTo(2);
        assertThat(uids.getMessageByUID(5).getMessageNumber()).isEqualTo(3);
    }

    private Folder openedAgain() throws Exception {
        Store second = Angus.connect(server, "alice", "secret");
        Folder folder = second.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        return folder;
    }

    private long uid(Message m) {
        try {
            return ((UIDFolder) inbox).getUID(m);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String subject(Message m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keywordsSetInTwoCasesByAnotherClientAreOneKeywordForThisClient() throws Exception {
        assertThat(inbox.getPermanentFlags().getUserFlags()).doesNotContain("Invoice");
        Store other = Angus.connect(server, "alice", "secret");
        Folder theirs = other.getFolder("INBOX");
        theirs.open(Folder.READ_WRITE);
        theirs.getMessage(1).setFlags(new Flags("Invoice"), true);
        theirs.getMessage(2).setFlags(new Flags("invoice"), true);
        assertThat(theirs.getMessage(2).getFlags().getUserFlags()).contains("Invoice").doesNotContain("invoice");
        theirs.close(false);
        other.close();

        // Angus Mail reads the unsolicited FETCH FLAGS into its message cache at the next command.
        assertThat(inbox.search(new FlagTerm(new Flags("INVOICE"), true))).hasSize(2);
        assertThat(inbox.getMessage(2).getFlags().getUserFlags()).contains("Invoice").doesNotContain("invoice");
        // It reads FLAGS and PERMANENTFLAGS when it opens a folder only.
        inbox.close(false);
        inbox.open(Folder.READ_WRITE);
        assertThat(inbox.getPermanentFlags().getUserFlags()).contains("Invoice").doesNotContain("invoice");
    }
}
