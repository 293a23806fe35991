package dev.imapmock.junit;

import dev.imapmock.Extension;
import dev.imapmock.ImapMockServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ImapServer(without = ...)} and the builder's {@code without}: servers that lack extensions. */
@Timeout(60)
class WithoutTest {
    static final Map<String, Set<Extension>> SEEN = new ConcurrentHashMap<>();

    @Kit.Fixture
    @ImapServer(without = {Extension.IDLE, Extension.MOVE})
    static class OnTheClass {
        @Test
        void inherits(ImapMockServer server) {
            SEEN.put("class", server.extensions());
        }

        @Test
        @ImapServer(without = Extension.LITERAL_PLUS)
        void methodReplaces(ImapMockServer server) {
            SEEN.put("method", server.extensions());
        }

        @Test
        @ImapServer(users = "bob:pw")
        void methodWithoutTheAttributeInherits(ImapMockServer server) {
            SEEN.put("method-inherits", server.extensions());
        }

        @Nested
        class Inner {
            @Test
            void nestedInherits(ImapMockServer server) {
                SEEN.put("nested", server.extensions());
            }
        }
    }

    @Test
    void theAnnotationLeavesExtensionsOutAndInheritsLikeEveryAttribute() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(OnTheClass.class), 4);
        assertThat(SEEN.get("class")).doesNotContain(Extension.IDLE, Extension.MOVE).contains(Extension.LITERAL_PLUS);
        assertThat(SEEN.get("method")).doesNotContain(Extension.LITERAL_PLUS).contains(Extension.IDLE, Extension.MOVE);
        assertThat(SEEN.get("method-inherits")).isEqualTo(SEEN.get("class"));
        assertThat(SEEN.get("nested")).isEqualTo(SEEN.get("class"));
    }

    @Kit.Fixture
    @ImapServer(with = Extension.OBJECTID, without = Extension.IDLE)
    static class WithAndWithout {
        @Test
        void both(ImapMockServer server) {
            SEEN.put("with", server.extensions());
        }
    }

    @Test
    void theAnnotationTurnsOnWhatIsOffByDefault() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(WithAndWithout.class), 1);
        assertThat(SEEN.get("with")).contains(Extension.OBJECTID).doesNotContain(Extension.IDLE);
    }

    @Kit.Fixture
    static class Registered {
        @RegisterExtension
        static ImapServerExtension imap = ImapServerExtension.builder().without(Extension.NAMESPACE).build();

        @Test
        void builderLeavesItOut(ImapMockServer server) {
            SEEN.put("builder", server.extensions());
        }
    }

    @Test
    void theExtensionBuilderLeavesExtensionsOut() {
        SEEN.clear();
        Kit.assertAllPassed(Kit.run(Registered.class), 1);
        assertThat(SEEN.get("builder")).doesNotContain(Extension.NAMESPACE).contains(Extension.IDLE);
    }
}
