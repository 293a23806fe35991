package dev.imapmock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imapmock.ImapMockServer;
import dev.imapmock.testing.RawClient;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Any run of ASTRING-CHARs is a well-formed mailbox name (RFC 3501 §9: {@code astring}), "[",
 * "]" and "}" included, and any run of those and the wildcards a well-formed LIST pattern. So
 * whatever SELECT, LIST, CREATE, RENAME and STATUS make of such a name, the answer is OK or NO,
 * never BAD, and the connection stays open and in step. One server and one connection serve all
 * tries of a property, so a command that upsets the reader shows in every later one.
 */
class MailboxNamePropertiesTest {
    /** ATOM-CHAR (any CHAR but CTL, SP and {@code ( ) { % * " \ ]}) and {@code ]}: ASTRING-CHAR. */
    private static final String ASTRING_CHARS = astringChars();
    private static final List<String> FRAGMENTS = List.of("[", "]", "}", "[}", "][", "foo[bar", "a[b]c", "BODY[",
            "body.peek[", "BINARY.SIZE[", "&", "&-", "&AOQ-", "&AOQ", "INBOX", "/", "//", "NIL", "x");

    private ImapMockServer server;
    private RawClient client;
    private int commands;

    @BeforeProperty
    void start() {
        server = ImapMockServer.builder().user("alice", "secret").build().start();
        client = RawClient.login(server, "alice", "secret").soTimeout(5_000);
    }

    @AfterProperty
    void stop() {
        client.close();
        server.close();
    }

    private static String astringChars() {
        StringBuilder chars = new StringBuilder();
        for (char c = 0x21; c < 0x7f; c++) {
            if ("(){%*\"\\".indexOf(c) < 0) {
                chars.append(c);
            }
        }
        return chars.toString();
    }

    /** Sends one command and returns the status of its tagged answer: OK, NO or BAD. */
    private String status(String command) {
        String tag = "p" + ++commands;
        List<String> lines = client.command(tag, command);
        String tagged = lines.get(lines.size() - 1);
        return tagged.substring(tag.length() + 1).split(" ", 2)[0];
    }

    private void assertOkOrNo(String command) {
        assertThat(status(command)).as(command).isIn("OK", "NO");
    }

    @Property(tries = 150)
    void mailboxCommandsAnswerOkOrNoForAnyAstringName(@ForAll("names") String name, @ForAll("names") String other) {
        assertOkOrNo("SELECT " + name);
        assertOkOrNo("STATUS " + name + " (MESSAGES UIDNEXT)");
        assertOkOrNo("CREATE " + name);
        assertOkOrNo("SELECT " + name);
        assertOkOrNo("RENAME " + name + " " + other);
        assertOkOrNo("STATUS " + other + " (UIDVALIDITY)");
        assertOkOrNo("CREATE " + other + "/" + name);
        assertThat(status("LIST \"\" " + name)).as("LIST of " + name).isEqualTo("OK");
        assertThat(status("LIST " + other + " " + name)).as("LIST with reference " + other).isEqualTo("OK");
        assertThat(status("NOOP")).isEqualTo("OK");
    }

    @Property(tries = 150)
    void listAnswersOkForAnyPattern(@ForAll("patterns") String pattern) {
        assertThat(status("LIST \"\" " + pattern)).as("LIST of " + pattern).isEqualTo("OK");
        assertThat(status("LSUB \"\" " + pattern)).as("LSUB of " + pattern).isEqualTo("OK");
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> plain = Arbitraries.strings().withChars(ASTRING_CHARS.toCharArray())
                .ofMinLength(1).ofMaxLength(16);
        Arbitrary<String> few = Arbitraries.strings().withChars(ASTRING_CHARS.toCharArray())
                .ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), few)
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(plain, pieces);
    }

    @Provide
    Arbitrary<String> patterns() {
        Arbitrary<String> plain = Arbitraries.strings().withChars((ASTRING_CHARS + "%*").toCharArray())
                .ofMinLength(1).ofMaxLength(16);
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of(FRAGMENTS), Arbitraries.of("%", "*", "[%", "*]"))
                .list().ofMinSize(1).ofMaxSize(5).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(plain, pieces);
    }
}
