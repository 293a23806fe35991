package dev.imapmock.mime;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parts' bodies with their transfer encoding undone, and encoded words decoded, for the sandbox. */
class DecodedPartTest {
    private static final String MAIL = """
            Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=\r
            Content-Type: multipart/mixed; boundary=b\r
            \r
            --b\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Gr=C3=BC=C3=9Fe, soft=\r
             break\r
            --b\r
            Content-Type: application/octet-stream; name=a.bin\r
            Content-Transfer-Encoding: base64\r
            \r
            AAEC/w==\r
            --b\r
            Content-Type: text/plain\r
            \r
            as is\r
            --b--\r
            """;

    @Test
    void bodiesAreDecodedByTheirTransferEncodingAndCharset() {
        MimeIndex mime = MimeIndex.parse(MAIL.getBytes(StandardCharsets.UTF_8));
        MimePart text = mime.resolve(List.of(1));
        MimePart binary = mime.resolve(List.of(2));
        MimePart plain = mime.resolve(List.of(3));
        assertThat(mime.decodedText(text)).isEqualTo("Grüße, soft break");
        assertThat(mime.decodedBody(binary)).containsExactly(0, 1, 2, 0xff);
        assertThat(mime.decodedText(plain)).isEqualTo("as is");
        assertThat(MimeIndex.decodeWords("=?UTF-8?Q?Gr=C3=BC=C3=9Fe?= all")).isEqualTo("Grüße all");
    }
}
