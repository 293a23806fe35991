package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapServer.Lifecycle;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.AssertionFailedError;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ImapFault}: rules declared on methods, classes and meta-annotations, and their checks. */
@Timeout(60)
class FaultAnnotationTest {

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ImapFault("on STATUS respond NO [UNAVAILABLE] Mailbox busy")
    @interface BusyStatus {
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret")
    @ImapFault("on NOOP respond NO [ALERT] Class-wide fault")
    static class Declared {
        @Test
        @ImapFault("on LOGIN respond NO [UNAVAILABLE] Down for maintenance")
        void methodAndClassRulesBothApply(ImapMockServer server) {
            TinyClient client = TinyClient.connect(server.port());
            assertThat(client.send("LOGIN alice secret")).last().isEqualTo("a1 NO [UNAVAILABLE] Down for maintenance");
            assertThat(client.send("NOOP")).last().isEqualTo("a2 NO [ALERT] Class-wide fault");
        }

        @Test
        @BusyStatus
        void metaAnnotationsCarryRules(ImapMockServer server) {
            TinyClient client = TinyClient.connect(server.port());
            client.send("LOGIN alice secret");
            assertThat(client.send("STATUS INBOX (MESSAGES)")).last().isEqualTo("a2 NO [UNAVAILABLE] Mailbox busy");
        }
    }

    @Test
    void rulesOfTheMethodTheClassAndMetaAnnotationsAreAdded() {
        Kit.assertAllPassed(Kit.run(Declared.class), 2);
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret", lifecycle = Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Shared {
        @Test
        @Order(1)
        @ImapFault("on LOGIN respond NO [UNAVAILABLE] Down")
        void firstTestDeclaresARule(ImapMockServer server) {
            assertThat(TinyClient.connect(server.port()).send("LOGIN alice secret")).last().asString().contains("NO");
        }

        @Test
        @Order(2)
        void secondTestStartsWithoutIt(ImapMockServer server) {
            assertThat(server.faults().rules()).isEmpty();
            assertThat(TinyClient.connect(server.port()).send("LOGIN alice secret")).last().asString().contains("OK");
        }
    }

    @Test
    void aSharedServerForgetsEachTestsRules() {
        Kit.assertAllPassed(Kit.run(Shared.class), 2);
    }

    @Kit.Fixture
    @ImapServer(users = "alice:secret")
    static class NeverFires {
        @Test
        @ImapFault(value = "on EXPUNGE respond NO [SERVERBUG] Broken", mustFire = true)
        void theAppNeverExpunges(ImapMockServer server) {
            TinyClient.connect(server.port()).send("LOGIN alice secret");
        }

        @Test
        @ImapFault("on EXPUNGE respond NO [SERVERBUG] Broken")
        void withoutMustFireNothingIsChecked(ImapMockServer server) {
            TinyClient.connect(server.port()).send("LOGIN alice secret");
        }
    }

    @Test
    void aRuleThatMustFireAndDidNotFailsTheTest() {
        Throwable failure = Kit.onlyFailure(Kit.run(NeverFires.class));
        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("@ImapFault rules declared with mustFire = true never fired: ")
                .hasMessageContaining("EXPUNGE");
    }

    @Kit.Fixture
    @ImapServer
    static class Misspelt {
        @Test
        @ImapFault("on LOGIN respnd NO oops")
        void neverRuns() {
        }
    }

    @Test
    void anUnparseableRuleFailsTheTestBeforeItRuns() {
        List<Throwable> failures = Kit.failures(Kit.run(Misspelt.class));
        assertThat(failures).singleElement().isInstanceOf(ExtensionConfigurationException.class);
        assertThat(failures.get(0).getMessage())
                .startsWith("@ImapFault(\"on LOGIN respnd NO oops\") on method neverRuns: ")
                .contains("respnd");
    }
}
