package dev.imapmock.protocol;

import dev.imapmock.Extension;
import dev.imapmock.mime.SectionSpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IMAP URL parser of CATENATE (RFC 5092, RFC 5550) and APPEND's argument parser. */
class ImapUrlTest {

    @Test
    void absoluteAbsolutePathAndRelativeUrls() {
        assertThat(ImapUrl.parse("imap://alice@localhost:143/INBOX;UIDVALIDITY=7/;UID=3/;SECTION=1.2/;PARTIAL=0.100"))
                .isEqualTo(new ImapUrl("alice", "INBOX", 7, 3, new SectionSpec(List.of(1, 2), SectionSpec.Kind.ALL, List.of()),
                        new FetchItem.Partial(0, 100), null));
        assertThat(ImapUrl.parse("/Caf%C3%A9%20Bar/;UID=1")).isEqualTo(new ImapUrl(null, "Caf\u00e9 Bar", 0, 1, null, null, null));
        assertThat(ImapUrl.parse(";uid=5/;section=HEADER.FIELDS%20(SUBJECT%20FROM)").section())
                .isEqualTo(new SectionSpec(List.of(), SectionSpec.Kind.HEADER_FIELDS, List.of("SUBJECT", "FROM")));
        assertThat(ImapUrl.parse(";UID=5/;PARTIAL=10").partial()).isEqualTo(new FetchItem.Partial(10, Long.MAX_VALUE));
    }

    @Test
    void whatNamesNoOneMessageIsInvalid() {
        for (String bad : List.of("foo", "INBOX/;UID=1", "/INBOX", "/INBOX/;UID=0", "/INBOX/;UID=4294967296",
                "/INBOX/;UID=1/;SECTION=BOGUS", "/INBOX/;UID=1/;PARTIAL=1.0", "/INBOX/;UID=1/;URLAUTH=anonymous",
                "imap://localhost/INBOX/;UID=1", "/%zz/;UID=1", "/INBOX?SUBJECT%20x", "//;UID=1")) {
            assertThatThrownBy(() -> ImapUrl.parse(bad)).as(bad).isInstanceOf(ImapUrl.Invalid.class)
                    .hasMessageStartingWith("Invalid IMAP URL: ");
        }
    }

    @Test
    void appendArgumentsParseIntoTypedMessages() {
        byte[] one = "Subject: 1".getBytes(StandardCharsets.US_ASCII);
        AppendRequest request = AppendRequest.parse(List.of(
                new Arg.ListArg(List.of(new Arg.Atom("\\Seen"))), new Arg.Literal(one),
                new Arg.Atom("CATENATE"), new Arg.ListArg(List.of(new Arg.Atom("URL"), new Arg.Quoted(
                        ";UID=1".getBytes(StandardCharsets.US_ASCII)), new Arg.Atom("TEXT"), new Arg.Literal(one, true)))),
                EnumSet.allOf(Extension.class));
        assertThat(request.messages()).hasSize(2);
        assertThat(request.messages().get(0).flags()).containsExactly("\\Seen");
        assertThat(request.messages().get(0).binary()).isFalse();
        assertThat(request.messages().get(1).parts()).hasSize(2).first().isEqualTo(new AppendRequest.Part.Url(";UID=1"));
        assertThat(request.messages().get(1).binary()).isTrue();
        assertThatThrownBy(() -> AppendRequest.parse(List.of(new Arg.Literal(one), new Arg.Literal(one)),
                EnumSet.of(Extension.BINARY))).isInstanceOf(ProtocolException.class)
                .hasMessage("Unexpected extra arguments after the message literal (several messages need MULTIAPPEND,"
                        + " which this server does not offer)");
        assertThatThrownBy(() -> AppendRequest.parse(List.of(new Arg.Literal(new byte[] {'a', 0})),
                EnumSet.noneOf(Extension.class))).isInstanceOf(ProtocolException.class)
                .hasMessage("The message holds a NUL octet, which a literal {n} may not carry");
    }
}
