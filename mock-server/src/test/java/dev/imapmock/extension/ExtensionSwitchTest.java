package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server built without an extension behaves as one that never had it: the name leaves the
 * greeting's and CAPABILITY's lists, its commands are unknown, its syntax is BAD and its response
 * codes are not sent; the connection stays usable and the store unchanged.
 */
@Timeout(20)
class ExtensionSwitchTest {

    private static ImapMockServer without(Extension... extensions) {
        return ImapMockServer.builder().user("alice", "secret").without(extensions).build().start();
    }

    @Test
    void byDefaultEveryExtensionIsAdvertisedInEnumOrderAndStarttlsWhereTheServerSpeaksTls() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").build().start();
             RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    """.formatted(Capabilities.BEFORE_LOGIN));
            assertThat(server.extensions()).containsExactlyElementsOf(Arrays.stream(Extension.values())
                    .filter(e -> e.onByDefault() && e != Extension.STARTTLS).toList()).doesNotContain(Extension.OBJECTID);
        }
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").tls().build().start();
             RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY %s
                    S: c1 OK Capability completed.
                    """.formatted(Capabilities.BEFORE_LOGIN.replace(" AUTH=PLAIN", " STARTTLS AUTH=PLAIN")));
            assertThat(server.extensions()).contains(Extension.STARTTLS);
        }
    }

    /** On a server that speaks TLS, so that STARTTLS is there to leave out; it is advertised before login only. */
    @ParameterizedTest
    @EnumSource(Extension.class)
    void aLeftOutExtensionIsGoneFromTheGreetingAndCapabilityBeforeAndAfterLogin(Extension left) {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").tls().without(left).build().start();
             RawClient c = new RawClient(server.host(), server.port())) {
            String greeting = c.readLine();
            List<String> before = c.command("c1", "CAPABILITY");
            c.command("l1", "LOGIN alice secret");
            List<String> after = c.command("c2", "CAPABILITY");
            Set<Extension> gone = EnumSet.of(left);
            for (Extension other : Extension.values()) {
                if (!other.onByDefault()) {
                    gone.add(other);
                }
                if (other.requires().contains(left)) {
                    gone.add(other);
                }
            }
            for (String line : List.of(greeting, before.get(0), after.get(0))) {
                List<String> names = Arrays.asList(line.replace("]", " ").split(" "));
                for (Extension e : Extension.values()) {
                    if (gone.contains(e) || (e == Extension.STARTTLS && line == after.get(0))) {
                        assertThat(names).as(line).doesNotContain(e.capability());
                    } else {
                        assertThat(names).as(line).contains(e.capability());
                    }
                }
            }
            assertThat(server.extensions()).doesNotContainAnyElementsOf(gone)
                    .hasSize(Extension.values().length - gone.size());
        }
    }

    @Test
    void anExtensionThatIsOffByDefaultComesOnWithWith() {
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").with(Extension.OBJECTID)
                .build().start(); RawClient c = RawClient.connect(server)) {
            assertThat(server.extensions()).contains(Extension.OBJECTID, Extension.IDLE);
            assertThat(c.command("c1", "CAPABILITY").get(0)).endsWith(" QRESYNC OBJECTID SAVEDATE PREVIEW ESEARCH ESORT SEARCHRES WITHIN"
                    + " SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE CONTEXT=SEARCH BINARY MULTIAPPEND CATENATE URL-PARTIAL QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE NOTIFY METADATA METADATA-SERVER ACL RIGHTS=texk AUTH=PLAIN AUTH=LOGIN");
        }
        try (ImapMockServer server = ImapMockServer.builder().with(Extension.OBJECTID).without(Extension.OBJECTID)
                .build()) {
            assertThat(server.extensions()).doesNotContain(Extension.OBJECTID);
        }
    }

    @Test
    void leavingOutAnExtensionLeavesOutWhatNeedsIt() {
        assertThat(Extension.QRESYNC.requires()).containsExactly(Extension.CONDSTORE, Extension.ENABLE);
        try (ImapMockServer server = without(Extension.CONDSTORE)) {
            assertThat(server.extensions()).doesNotContain(Extension.CONDSTORE, Extension.QRESYNC).contains(Extension.ENABLE);
        }
        try (ImapMockServer server = without(Extension.ENABLE)) {
            assertThat(server.extensions()).doesNotContain(Extension.ENABLE, Extension.QRESYNC).contains(Extension.CONDSTORE);
        }
        try (ImapMockServer server = without(Extension.QRESYNC)) {
            assertThat(server.extensions()).doesNotContain(Extension.QRESYNC).contains(Extension.CONDSTORE, Extension.ENABLE);
        }
    }

    @Test
    void aContradictorySetIsRefusedWhenTheServerIsBuilt() {
        assertThatThrownBy(() -> ImapMockServer.builder().extensions(EnumSet.of(Extension.QRESYNC, Extension.ENABLE)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QRESYNC needs CONDSTORE, which is not among the extensions asked for");
        assertThatThrownBy(() -> ImapMockServer.builder()
                .extensions(EnumSet.complementOf(EnumSet.of(Extension.LITERAL_MINUS))).without(Extension.CONDSTORE).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QRESYNC was asked for, but it needs CONDSTORE, which is turned off");
        assertThatThrownBy(() -> ImapMockServer.builder().extensions(EnumSet.allOf(Extension.class)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LITERAL+ and LITERAL- exclude each other: a server offers one of the two");
        assertThatThrownBy(() -> ImapMockServer.builder().with(Extension.LITERAL_PLUS, Extension.LITERAL_MINUS).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LITERAL+ and LITERAL- exclude each other: a server offers one of the two");
        try (ImapMockServer server = ImapMockServer.builder().extensions(EnumSet.of(Extension.IDLE, Extension.MOVE))
                .build().start()) {
            assertThat(server.extensions()).containsExactly(Extension.IDLE, Extension.MOVE);
        }
    }

    @Test
    void leavingOutEsearchLeavesOutSearchresAndContextSearchWhichNeedIt() {
        try (ImapMockServer server = without(Extension.ESEARCH)) {
            assertThat(server.extensions()).doesNotContain(Extension.ESEARCH, Extension.SEARCHRES, Extension.CONTEXT_SEARCH)
                    .contains(Extension.WITHIN, Extension.CONDSTORE);
        }
    }

    @Test
    void commandsOfLeftOutExtensionsAreUnknown() {
        try (ImapMockServer server = without(Extension.ID, Extension.IDLE, Extension.NAMESPACE, Extension.UNSELECT,
                Extension.MOVE, Extension.UIDPLUS);
             RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: i1 ID NIL
                    S: i1 BAD Unknown command ID
                    C: l1 LOGIN alice secret
                    S: l1 OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR CHILDREN SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT ENABLE CONDSTORE QRESYNC SAVEDATE PREVIEW ESEARCH ESORT SEARCHRES WITHIN SPECIAL-USE CREATE-SPECIAL-USE LIST-EXTENDED LIST-STATUS STATUS=SIZE CONTEXT=SEARCH BINARY MULTIAPPEND CATENATE URL-PARTIAL QUOTA QUOTA=RES-STORAGE QUOTA=RES-MESSAGE NOTIFY METADATA METADATA-SERVER ACL RIGHTS=texk] Logged in
                    C: i2 IDLE
                    S: i2 BAD Unknown command IDLE
                    C: n1 NAMESPACE
                    S: n1 BAD Unknown command NAMESPACE
                    C: s1 SELECT INBOX
                    """);
            c.readUntilTagged("s1");
            c.play("""
                    C: u1 UNSELECT
                    S: u1 BAD Unknown command UNSELECT
                    C: m1 MOVE 1 INBOX
                    S: m1 BAD Unknown command MOVE
                    C: m2 UID MOVE 1 INBOX
                    S: m2 BAD Unknown command UID MOVE
                    C: x1 UID EXPUNGE 1
                    S: x1 BAD Unknown command UID EXPUNGE
                    """);
            c.assertStillWorks("n2");
        }
    }

    @Test
    void withoutLiteralPlusANonSynchronizingLiteralIsBadAndItsOctetsAreSkipped() {
        try (ImapMockServer server = without(Extension.LITERAL_PLUS); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.play("""
                    C: a1 APPEND INBOX {12+}
                    C: Subject: x\r
                    S: a1 BAD Non-synchronizing literals {n+} need LITERAL+, which this server does not offer
                    C: a2 APPEND INBOX {12}
                    S: + Ready for literal data
                    C: Subject: x\r
                    S~ a2 OK \\[APPENDUID \\d+ 1\\] Append completed\\.
                    """);
            assertThat(server.store().account("alice").orElseThrow().mailbox("INBOX").size()).isEqualTo(1);
            c.assertStillWorks("n1");
        }
    }

    @Test
    void withoutSaslIrAnInitialResponseIsBadAndTheContinuationFormStillWorks() {
        String plain = Base64.getEncoder().encodeToString("\0alice\0secret".getBytes(StandardCharsets.US_ASCII));
        try (ImapMockServer server = without(Extension.SASL_IR); RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: a1 AUTHENTICATE PLAIN %s
                    S: a1 BAD AUTHENTICATE takes the mechanism only: an initial response needs SASL-IR, which this server does not offer
                    C: a2 AUTHENTICATE PLAIN
                    S: +\s
                    C: %s
                    """.formatted(plain, plain));
            assertThat(c.readLine()).startsWith("a2 OK ");
        }
    }

    @Test
    void withoutChildrenListHasNoChildAttributes() {
        try (ImapMockServer server = without(Extension.CHILDREN); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Work/2024");
            c.command("d1", "DELETE Work");
            c.play("""
                    C: l1 LIST "" *
                    S: * LIST () "/" INBOX
                    S: * LIST (\\Archive) "/" Archive
                    S: * LIST (\\Drafts) "/" Drafts
                    S: * LIST (\\Junk) "/" Junk
                    S: * LIST (\\Sent) "/" Sent
                    S: * LIST (\\Trash) "/" Trash
                    S: * LIST (\\Noselect) "/" Work
                    S: * LIST () "/" Work/2024
                    S: l1 OK LIST completed.
                    """);
        }
    }

    @Test
    void withoutUidplusAppendCopyAndMoveSendNoUidCodes() {
        try (ImapMockServer server = without(Extension.UIDPLUS); RawClient c = RawClient.login(server, "alice", "secret")) {
            c.command("c1", "CREATE Archive");
            c.play("""
                    C: a1 APPEND INBOX {12+}
                    C: Subject: x\r
                    S: a1 OK Append completed.
                    C: s1 SELECT INBOX
                    """);
            c.readUntilTagged("s1");
            c.play("""
                    C: k1 COPY 1 Archive
                    S: k1 OK Copy completed.
                    C: m1 MOVE 1 Archive
                    S: * 1 EXPUNGE
                    S: * 0 RECENT
                    S: m1 OK Move completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().mailbox("Archive").size()).isEqualTo(2);
        }
    }
}
