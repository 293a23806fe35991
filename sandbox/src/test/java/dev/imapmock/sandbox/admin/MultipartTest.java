package dev.imapmock.sandbox.admin;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The multipart/form-data reader behind batch delivery. */
class MultipartTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void partsKeepTheirNamesFileNamesAndExactBytes() {
        String body = "preamble\r\n--b1\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a \\\"x\\\".eml\"\r\n"
                + "Content-Type: message/rfc822\r\n\r\nSubject: a\r\n\r\nx\r\n\r\n--b1\r\n"
                + "content-disposition: form-data; name=note\r\n\r\nplain\r\n--b1--\r\nepilogue";
        List<Multipart.Part> parts = Multipart.parse(bytes(body), Multipart.boundary("multipart/form-data; boundary=\"b1\""));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).filename()).isEqualTo("a \"x\".eml");
        assertThat(parts.get(0).bytes()).isEqualTo(bytes("Subject: a\r\n\r\nx\r\n"));
        assertThat(parts.get(1).name()).isEqualTo("note");
        assertThat(parts.get(1).filename()).isNull();
        assertThat(parts.get(1).label(1)).isEqualTo("part 2 (note)");
        assertThat(parts.get(0).label(0)).isEqualTo("a \"x\".eml");
    }

    @Test
    void malformedBodiesAndTypesAre400() {
        assertThatThrownBy(() -> Multipart.boundary("multipart/form-data")).isInstanceOf(ApiException.class)
                .hasMessageContaining("boundary");
        assertThatThrownBy(() -> Multipart.parse(bytes("no delimiter"), "b")).hasMessageContaining("never shows its boundary");
        assertThatThrownBy(() -> Multipart.parse(bytes("--b\r\nContent-Disposition: form-data\r\n\r\nopen"), "b"))
                .hasMessageContaining("never closed");
        assertThatThrownBy(() -> Multipart.parse(bytes("--b\r\nno header end"), "b")).hasMessageContaining("no end of header");
        assertThat(Multipart.parse(bytes("--b--\r\n"), "b")).isEmpty();
    }
}
