package dev.imapmock.custom;

import dev.imapmock.ImapMockServer;
import dev.imapmock.journal.ReceivedCommand;
import dev.imapmock.store.Account;
import dev.imapmock.store.Flags;
import dev.imapmock.testing.Capabilities;
import dev.imapmock.testing.RawClient;
import dev.imapmock.testing.StoreSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Custom commands over a socket, exact bytes: RFC 3501 §6.5.1's XPIG-LATIN, states, overrides,
 * arguments, refusals, the journal and fault rules.
 */
@Timeout(20)
class CustomCommandsTest {

    private static ImapMockServer server() {
        return ImapMockServer.builder().user("alice", "secret").build().start();
    }

    @Test
    void theRfcsExperimentalCommandAnswersAsItsExampleShows() {
        try (ImapMockServer server = server()) {
            PigLatin.register(server.commands());
            try (RawClient client = RawClient.login(server, "alice", "secret")) {
                client.play("""
                        C: a441 CAPABILITY
                        S: * CAPABILITY %s XPIG-LATIN
                        S: a441 OK Capability completed.
                        C: A442 XPIG-LATIN
                        S: * XPIG-LATIN ow-nay eaking-spay ig-pay atin-lay
                        S: A442 OK XPIG-LATIN ompleted-cay
                        C: A443 xpig-latin "Hello" world
                        S: * XPIG-LATIN ello-hay orld-way
                        S: A443 OK XPIG-LATIN ompleted-cay
                        """.formatted(Capabilities.AFTER_LOGIN));
            }
        }
    }

    @Test
    void anAdvertisedCommandFollowsTheServersOwnCapabilitiesBeforeLoginToo() {
        try (ImapMockServer server = server()) {
            server.commands().register("XAPPLEPUSHSERVICE", States.AUTHENTICATED, c -> Reply.ok("done"))
                    .advertise();
            try (RawClient client = RawClient.connect(server)) {
                client.play("""
                        C: c1 CAPABILITY
                        S: * CAPABILITY %s
                        S: c1 OK Capability completed.
                        """.formatted(Capabilities.BEFORE_LOGIN.replace(" AUTH=PLAIN", " XAPPLEPUSHSERVICE AUTH=PLAIN")));
            }
        }
    }

    @Test
    void aCommandNotAdvertisedWorksWithoutAppearingInCapability() {
        try (ImapMockServer server = server()) {
            server.commands().register("XSECRET", States.ANY, c -> Reply.ok("XSECRET done"));
            assertThat(server.capabilities(true)).isEqualTo(Capabilities.AFTER_LOGIN);
            try (RawClient client = RawClient.connect(server)) {
                client.play("""
                        C: x1 XSECRET
                        S: x1 OK XSECRET done
                        """);
            }
        }
    }

    @Test
    void theStatesGivenDecideWhereTheCommandIsAllowed() {
        try (ImapMockServer server = server()) {
            PigLatin.register(server.commands());
            server.commands().register("XHERE", States.SELECTED, c -> Reply.ok(c.selectedMailbox()
                    + (c.readOnly() ? " read-only" : " read-write")));
            server.commands().register("XBEFORE", States.NOT_AUTHENTICATED, c -> Reply.ok("not yet"));
            try (RawClient client = RawClient.connect(server)) {
                client.play("""
                        C: s1 XPIG-LATIN
                        S: s1 BAD XPIG-LATIN is not allowed in the not authenticated state
                        C: s2 XBEFORE
                        S: s2 OK not yet
                        C: s3 LOGIN alice secret
                        S~ s3 OK \\[CAPABILITY .*\\] Logged in
                        C: s4 XBEFORE
                        S: s4 BAD XBEFORE is not allowed in the authenticated state
                        C: s5 XHERE
                        S: s5 BAD XHERE is not allowed in the authenticated state
                        C: s6 EXAMINE INBOX
                        """);
                client.readUntilTagged("s6");
                client.play("""
                        C: s7 XHERE
                        S: s7 OK INBOX read-only
                        C: s8 XPIG-LATIN pig
                        S: * XPIG-LATIN ig-pay
                        S: s8 OK XPIG-LATIN ompleted-cay
                        """);
            }
        }
    }

    @Test
    void aRegisteredCommandReplacesTheStandardOneUntilRemoved() {
        try (ImapMockServer server = server();
             RawClient client = RawClient.login(server, "alice", "secret")) {
            CustomCommands.Registration noop = server.commands().register("noop", States.ANY,
                    c -> Reply.ok("ALERT", "Maintenance at noon"));
            client.play("""
                    C: n1 NOOP
                    S: n1 OK [ALERT] Maintenance at noon
                    """);
            noop.remove();
            noop.remove();
            client.play("""
                    C: n2 NOOP
                    S: n2 OK NOOP completed.
                    """);
        }
    }

    @Test
    void aRemovedCommandIsUnknownAgain() {
        try (ImapMockServer server = server();
             RawClient client = RawClient.login(server, "alice", "secret")) {
            CustomCommands.Registration r = server.commands().register("XTEMP", States.AUTHENTICATED,
                    c -> Reply.ok("XTEMP done")).advertise();
            client.play("""
                    C: t1 XTEMP
                    S: t1 OK XTEMP done
                    """);
            r.remove();
            assertThat(server.commands().names()).isEmpty();
            assertThat(server.capabilities(true)).isEqualTo(Capabilities.AFTER_LOGIN);
            client.play("""
                    C: t2 XTEMP
                    S: t2 BAD Unknown command XTEMP
                    """);
            client.assertStillWorks("t3");
        }
    }

    @Test
    void theHandlerSeesTypedArgumentsAndTheWriterEncodesEveryValueSafely() {
        try (ImapMockServer server = server();
             RawClient client = RawClient.login(server, "alice", "secret")) {
            server.commands().register("XECHO", States.AUTHENTICATED, c -> {
                c.untagged("XECHO", c.arguments().toArray(new Argument[0]));
                List<String> kinds = c.arguments().stream().map(a -> a.getClass().getSimpleName()).toList();
                c.untagged("XKINDS", Argument.string(String.join(",", kinds)));
                c.untagged("XTEXT", Argument.string("say \"hi\" \\ bye"), Argument.string("caf\u00e9"),
                        Argument.string("two\r\nlines"), Argument.list(Argument.atom("NIL"), Argument.list()));
                return Reply.ok("XECHO done");
            });
            client.play("""
                    C: e1 XECHO atom 42 "quoted \\"x\\"" (a (b "c")) {3+}
                    C: lit
                    S: * XECHO atom 42 "quoted \\"x\\"" (a (b "c")) "lit"
                    S: * XKINDS "Atom,Atom,Text,ListOf,Text"
                    S: * XTEXT "say \\"hi\\" \\\\ bye" {5}
                    """);
            assertThat(client.readBytes(5)).isEqualTo("caf\u00e9".getBytes(StandardCharsets.UTF_8));
            client.play("""
                    S:  {10}
                    """);
            assertThat(new String(client.readBytes(10), StandardCharsets.US_ASCII)).isEqualTo("two\r\nlines");
            client.play("""
                    S:  (NIL ())
                    S: e1 OK XECHO done
                    """);
        }
    }

    @Test
    void aHandlersRefusalsAndFailuresBecomeTaggedAnswersAndTheConnectionGoesOn() {
        try (ImapMockServer server = server();
             RawClient client = RawClient.login(server, "alice", "secret")) {
            PigLatin.register(server.commands());
            server.commands().register("XFAIL", States.ANY, c -> {
                throw new IllegalStateException("a bug in java.util.Whatever");
            });
            server.commands().register("XNO", States.ANY, c -> Reply.no("TRYCREATE", "No such thing"));
            server.commands().register("XBADHEAD", States.ANY, c -> {
                c.untagged("TWO\r\nLINES");
                return Reply.ok("never");
            });
            List<String> before = StoreSnapshot.of(server.store());
            client.play("""
                    C: f1 XPIG-LATIN "42"
                    S: f1 BAD XPIG-LATIN translates words of letters only, not 42
                    C: f2 XFAIL
                    S: f2 NO [SERVERBUG] Internal error; the server's log has the details.
                    C: f3 XNO
                    S: f3 NO [TRYCREATE] No such thing
                    C: f4 XBADHEAD
                    S: f4 BAD An untagged response starts with printable ASCII
                    C: f5 XPIG-LATIN (unbalanced
                    S~ f5 BAD .*
                    """);
            client.assertStillWorks("f6");
            assertThat(StoreSnapshot.of(server.store())).isEqualTo(before);
        }
    }

    @Test
    void aMalformedLineNeverReachesTheHandler() {
        AtomicInteger calls = new AtomicInteger();
        try (ImapMockServer server = server();
             RawClient client = RawClient.login(server, "alice", "secret")) {
            server.commands().register("XCOUNT", States.ANY, c -> {
                calls.incrementAndGet();
                return Reply.ok("counted");
            });
            client.send("m1 XCOUNT \"unterminated");
            assertThat(client.readLine()).startsWith("m1 BAD ");
            client.assertStillWorks("m2");
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void aHandlerChangesTheStoreAndOtherSessionsSeeItAsUsual() {
        try (ImapMockServer server = server();
             RawClient idler = RawClient.login(server, "alice", "secret");
             RawClient client = RawClient.login(server, "alice", "secret")) {
            server.commands().register("XDELIVER", States.AUTHENTICATED, c -> {
                Account account = c.store().account(c.user()).orElseThrow();
                account.mailbox("INBOX").append(("Subject: " + c.arguments().get(0).asText() + "\r\n\r\nx\r\n")
                        .getBytes(StandardCharsets.US_ASCII), Flags.NONE, OffsetDateTime.now());
                return Reply.ok("XDELIVER done");
            });
            idler.command("i1", "SELECT INBOX");
            client.play("""
                    C: d1 XDELIVER hello
                    S: d1 OK XDELIVER done
                    """);
            idler.play("""
                    C: i2 NOOP
                    S: * 1 EXISTS
                    S: * 1 RECENT
                    S: i2 OK NOOP completed.
                    """);
        }
    }

    @Test
    void customCommandsAreJournaledAndFaultRulesMatchThem() {
        AtomicInteger calls = new AtomicInteger();
        try (ImapMockServer server = server();
             RawClient client = RawClient.login(server, "alice", "secret")) {
            server.commands().register("XPING", States.AUTHENTICATED, c -> {
                calls.incrementAndGet();
                return Reply.ok("XPING pong");
            });
            server.faults().on("XPING").nth(2).once().respond("NO [UNAVAILABLE] Try later");
            client.play("""
                    C: j1 XPING first
                    S: j1 OK XPING pong
                    C: j2 XPING second
                    S: j2 NO [UNAVAILABLE] Try later
                    C: j3 XPING third
                    S: j3 OK XPING pong
                    """);
            assertThat(calls).hasValue(2);
            List<ReceivedCommand> pings = server.journal().commands("XPING");
            assertThat(pings).extracting(ReceivedCommand::arguments).containsExactly("first", "second", "third");
            assertThat(pings).extracting(c -> c.outcome().status()).containsExactly("OK", "NO", "OK");
            assertThat(pings.get(1).faults()).hasSize(1);
            assertThat(pings.get(0).user()).isEqualTo("alice");
        }
    }

    @Test
    void aUidFormCanBeRegisteredBesideThePlainOne() {
        try (ImapMockServer server = server();
             RawClient client = RawClient.login(server, "alice", "secret")) {
            server.commands().register("uid xmark", States.SELECTED, c -> Reply.ok("UID XMARK " + c.argumentText()));
            client.command("u1", "SELECT INBOX");
            client.play("""
                    C: u2 UID XMARK 1:*
                    S: u2 OK UID XMARK 1:*
                    C: u3 XMARK 1:*
                    S: u3 BAD Unknown command XMARK
                    """);
        }
    }

    @Test
    void namesAndValuesThatWouldBreakTheFramingAreRefusedWhenRegistered() {
        try (ImapMockServer server = server()) {
            CustomCommands commands = server.commands();
            assertThatThrownBy(() -> commands.register("X PIG", States.ANY, c -> Reply.ok("x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atom");
            assertThatThrownBy(() -> commands.register("", States.ANY, c -> Reply.ok("x")))
                    .isInstanceOf(IllegalArgumentException.class);
            for (String bad : List.of("-X", ".X", "X\"Y", "X{1}", "X*", "UID UID X", "XPIG\u00e9")) {
                assertThatThrownBy(() -> commands.register(bad, States.ANY, c -> Reply.ok("x")))
                        .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atom");
            }
            for (String good : List.of("x-pig.latin_2", "UID XFOO", "9X", "uid x")) {
                assertThat(commands.register(good, States.ANY, c -> Reply.ok("x")).name()).as(good)
                        .isEqualTo(good.toUpperCase(java.util.Locale.ROOT));
            }
            assertThatThrownBy(() -> commands.register("XOK", States.ANY, c -> Reply.ok("x")).advertise("TWO WORDS"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Reply.ok("line\r\nbreak")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Reply.no("CODE]", "text")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Argument.atom("a b")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
