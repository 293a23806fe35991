package dev.imapmock.junit;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import dev.imapmock.store.Mailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ImapServer(profile = ...)}: a built-in profile, a profile file on the classpath, overrides, errors. */
@Timeout(60)
class ProfileAttributeTest {
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    @Kit.Fixture
    @ImapServer(profile = "minimal")
    static class OnTheClass {
        @Test
        void inherits(ImapMockServer server) {
            SEEN.put("class", server.capabilities(true));
        }

        @Test
        @ImapServer(profile = "gmail", without = Extension.IDLE)
        void methodReplacesAndOtherAttributesOverride(ImapMockServer server) {
            SEEN.put("method", server.capabilities(true));
        }

        @Test
        @ImapServer(profile = "profiles/acme.profile")
        void classpathFile(ImapMockServer server) {
            SEEN.put("file", server.capabilities(true) + " | " + server.store().account("user").orElseThrow()
                    .mailboxes().stream().map(Mailbox::name).toList());
        }
    }

    @Test
    void theProfileAttributeSetsTheServerAndInherits() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(OnTheClass.class), 3);
        assertThat(SEEN.get("class")).isEqualTo("IMAP4rev1");
        assertThat(SEEN.get("method")).startsWith("IMAP4rev1 UNSELECT NAMESPACE QUOTA ID").doesNotContain("IDLE");
        assertThat(SEEN.get("file")).isEqualTo("IMAP4rev1 MOVE | " + List.of("INBOX", "Sent Stuff"));
    }

    @Kit.Fixture
    @ImapServer(profile = "profiles/broken.profile")
    static class Broken {
        @Test
        void never(ImapMockServer server) {
        }
    }

    @Test
    void aMalformedProfileFailsTheTestWithItsLine() {
        assertThat(Kit.onlyFailure(Kit.run(Broken.class))).hasMessageEndingWith(
                "profiles/broken.profile, line 2: ImapMock does not emulate X-FANCY; leave it out (docs/profiles.md)");
    }
}
