package dev.imapmock.sandbox.smtp;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MAIL FROM and RCPT TO argument parser (RFC 5321 §4.1.2). */
class PathArgumentTest {

    private static PathArgument from(String argument) {
        return PathArgument.parse(argument, "FROM", "MAIL FROM:<address>", "5.1.7");
    }

    private static String reply(String argument) {
        try {
            from(argument);
            throw new AssertionError("parsed: " + argument);
        } catch (SmtpException e) {
            return e.reply().wireLines().get(0);
        }
    }

    @Test
    void pathsAndParametersAreParsedOnce() {
        assertThat(from("FROM:<a.b+c@example.org> SIZE=12 BODY=8bitmime")).isEqualTo(
                new PathArgument("a.b+c@example.org", Map.of("SIZE", "12", "BODY", "8bitmime")));
        assertThat(from("from:<>").address()).isEmpty();
        assertThat(from("From: <alice>").address()).isEqualTo("alice");
        assertThat(from("FROM:<@a.example,@b.example:x@example.org>").address()).isEqualTo("x@example.org");
        assertThat(from("FROM:<\"odd > name\"@example.org>").address()).isEqualTo("\"odd > name\"@example.org");
        assertThat(from("FROM:<x@[192.0.2.1]>").address()).isEqualTo("x@[192.0.2.1]");
        assertThat(from("FROM:<x@example.org> SMTPUTF8").parameters()).containsEntry("SMTPUTF8", null);
        assertThat(from("FROM:<x@example.org> b=1 a=2").parameters().keySet()).containsExactly("B", "A");
    }

    @Test
    void malformedArgumentsSayWhatIsWrong() {
        assertThat(reply("TO:<x@example.org>")).isEqualTo("501 5.5.4 Syntax: MAIL FROM:<address>");
        assertThat(reply("FROM:x@example.org")).isEqualTo("501 5.5.4 Syntax: MAIL FROM:<address>");
        assertThat(reply("FROM:<x@example.org>SIZE=1")).isEqualTo("501 5.5.4 Syntax: MAIL FROM:<address>");
        assertThat(reply("FROM:<x@-example.org>")).isEqualTo("501 5.1.7 Bad address syntax: <x@-example.org>");
        assertThat(reply("FROM:<x@>")).isEqualTo("501 5.1.7 Bad address syntax: <x@>");
        assertThat(reply("FROM:<.x@example.org>")).isEqualTo("501 5.1.7 Bad address syntax: <.x@example.org>");
        assertThat(reply("FROM:<" + "x".repeat(65) + "@example.org>")).startsWith("501 5.1.7 Bad address syntax");
        assertThat(reply("FROM:<x@example.org> =1")).isEqualTo("501 5.5.4 Bad parameter syntax: =1");
        assertThat(reply("FROM:<x@example.org> SIZE=")).isEqualTo("501 5.5.4 Bad parameter syntax: SIZE=");
        assertThat(reply("FROM:<x@example.org> size=1 SIZE=2")).isEqualTo("501 5.5.4 Parameter given twice: SIZE");
    }
}
