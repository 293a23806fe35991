package dev.imapmock.sandbox.smtp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The trace fields put at the top of each message delivered (RFC 5321 §4.4): {@code Return-Path:} with
 * the reverse-path, which the server that makes the final delivery adds, and the {@code Received:}
 * field that every SMTP server adds, e.g.
 * <pre>
 * Return-Path: &lt;app@example.org&gt;
 * Received: from client.example ([127.0.0.1])
 *         by localhost (ImapMock) with ESMTPSA id c1m1
 *         for &lt;alice@example.com&gt;; Fri, 4 Dec 2026 21:16:15 +0000
 * </pre>
 * The protocol is SMTP, ESMTP, ESMTPS (over TLS) or ESMTPA (authenticated), ESMTPSA for both
 * (RFC 3848). The {@code for} clause names the recipient only when there is exactly one, so that one
 * recipient's copy does not show the others (§7.2).
 */
final class TraceFields {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private TraceFields() {
    }

    static byte[] of(String reversePath, String helo, InetAddress client, String hostName, String protocol, String id,
                     String singleRecipient, ZonedDateTime when) {
        String literal = client instanceof Inet6Address ? "[IPv6:" + client.getHostAddress().replaceFirst("%.*", "") + "]"
                : "[" + client.getHostAddress() + "]";
        String text = "Return-Path: <" + reversePath + ">\r\n"
                + "Received: from " + helo + " (" + literal + ")\r\n"
                + "\tby " + hostName + " (ImapMock) with " + protocol + " id " + id + "\r\n"
                + "\t" + (singleRecipient == null ? "" : "for <" + singleRecipient + ">; ") + DATE.format(when) + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
