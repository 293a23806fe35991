package dev.imapmock.reliability;

import java.nio.charset.StandardCharsets;

/** Small messages for the reliability tests. */
final class Mail {
    private Mail() {
    }

    static byte[] plain(String subject, String token) {
        return ("From: Alice <alice@example.org>\r\n"
                + "To: Bob <bob@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\n"
                + "Message-ID: <" + token + "@example.org>\r\n"
                + "\r\n"
                + "Body of " + token + ".\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] multipart(String subject, String token) {
        return ("From: =?UTF-8?B?w4lsaXNl?= <elise@example.org>\r\n"
                + "To: bob@example.org, \"Carol, C.\" <carol@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + token + "@example.org>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
                + "\r\n"
                + "--b1\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n"
                + "\r\n"
                + "H=C3=A9llo " + token + "\r\n"
                + "--b1\r\n"
                + "Content-Type: application/octet-stream; name=\"a.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n"
                + "\r\n"
                + "AAECAwQFBgc=\r\n"
                + "--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
