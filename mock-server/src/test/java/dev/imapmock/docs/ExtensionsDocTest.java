package dev.imapmock.docs;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java snippet of docs/extensions.md, compiled and run so it cannot rot. */
@Timeout(30)
class ExtensionsDocTest {

    @Test
    void aServerWithoutIdleAndLiteralPlus() {
        // --- extensions: java
        ImapMockServer server = ImapMockServer.builder()
                .user("alice", "secret")
                .without(Extension.IDLE, Extension.LITERAL_PLUS)   // a client that must poll and wait for "+"
                .build()
                .start();
        server.extensions();                                       // what it offers, in CAPABILITY order
        // --- extensions: end
        try (server) {
            assertThat(server.extensions()).doesNotContain(Extension.IDLE, Extension.LITERAL_PLUS)
                    .contains(Extension.MOVE);
        }
    }
}
