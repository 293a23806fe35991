package dev.imapmock.extension;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
                    S: * CAPABILITY IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE ENABLE CONDSTORE AUTH=PLAIN
                    S: c1 OK Capability completed.
                    """);
            assertThat(server.extensions()).containsExactlyElementsOf(
                    Arrays.stream(Extension.values()).filter(e -> e != Extension.STARTTLS).toList());
        }
        try (ImapMockServer server = ImapMockServer.builder().user("alice", "secret").tls().build().start();
             RawClient c = RawClient.connect(server)) {
            c.play("""
                    C: c1 CAPABILITY
                    S: * CAPABILITY IMAP4rev1 LITERAL+ SASL-IR CHILDREN ID IDLE NAMESPACE UNSELECT UIDPLUS MOVE ENABLE CONDSTORE STARTTLS AUTH=PLAIN
                    S: c1 OK Capability completed.
                    """);
            assertThat(server.extensions()).containsExactly(Extension.values());
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
            for (String line : List.of(greeting, before.get(0), after.get(0))) {
                List<String> names = Arrays.asList(line.replace("]", " ").split(" "));
                assertThat(names).as(line).doesNotContain(left.capability());
                for (Extension other : Extension.values()) {
                    if (other != left && (other != Extension.STARTTLS || line != after.get(0))) {
                        assertThat(names).as(line).contains(other.capability());
                    }
                }
            }
            assertThat(server.extensions()).doesNotContain(left).hasSize(Extension.values().length - 1);
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
                    S: l1 OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR CHILDREN ENABLE CONDSTORE] Logged in
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
                    S: m1 OK Move completed.
                    """);
            assertThat(server.store().account("alice").orElseThrow().mailbox("Archive").size()).isEqualTo(2);
        }
    }
}
