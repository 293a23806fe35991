package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.junit.ImapServer.Lifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Every misconfiguration fails before the test body runs, with a message that names the problem. */
@Timeout(60)
class MisconfigurationTest {
    static final AtomicInteger BODIES_RUN = new AtomicInteger();

    private static Throwable failureOf(Class<?> fixture) {
        BODIES_RUN.set(0);
        Throwable failure = Kit.onlyFailure(Kit.run(fixture));
        assertThat(BODIES_RUN.get()).as("test bodies run").isZero();
        return failure;
    }

    @Kit.Fixture
    @ImapServer(users = "alice")
    static class UserWithoutPassword {
        @Test
        void test(ImapMockServer server) {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void aUserSpecWithoutAColonIsRejected() {
        assertThat(failureOf(UserWithoutPassword.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@ImapServer on MisconfigurationTest.UserWithoutPassword: cannot parse user \"alice\"; "
                        + "expected \"name:password\", for example \"alice:secret\"");
    }

    @Kit.Fixture
    @ImapServer(users = ":secret")
    static class UserWithoutName {
        @Test
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void aUserSpecWithoutANameIsRejected() {
        assertThat(failureOf(UserWithoutName.class))
                .hasMessage("@ImapServer on MisconfigurationTest.UserWithoutName: cannot parse user \":secret\"; "
                        + "expected \"name:password\", for example \"alice:secret\"");
    }

    @Kit.Fixture
    static class UserTwice {
        @Test
        @ImapServer(users = {"alice:one", "alice:two"})
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void aUserGivenTwiceIsRejected() {
        assertThat(failureOf(UserTwice.class))
                .hasMessage("@ImapServer on MisconfigurationTest.UserTwice.test(): user \"alice\" is given twice in users");
    }

    @Kit.Fixture
    @ImapServer(fixtures = "mail/no-such-tree")
    static class MissingFixture {
        @Test
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void aMissingFixtureNamesTheSpecAndTheResolvedPath() {
        assertThat(failureOf(MissingFixture.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@ImapServer on MisconfigurationTest.MissingFixture: cannot load fixtures: mail/no-such-tree: "
                        + "not found: no classpath resource mail/no-such-tree and no file or directory "
                        + Path.of("mail/no-such-tree").toAbsolutePath());
    }

    @Kit.Fixture
    @ImapServer(fixtures = "mail/no-such-tree", lifecycle = Lifecycle.PER_CLASS)
    static class MissingFixturePerClass {
        @Test
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void aMissingFixtureOfAPerClassServerFailsTheClass() {
        assertThat(failureOf(MissingFixturePerClass.class))
                .hasMessageStartingWith("@ImapServer on MisconfigurationTest.MissingFixturePerClass: cannot load fixtures: "
                        + "mail/no-such-tree: not found:");
    }

    @Kit.Fixture
    @ImapServer
    @LifecycleTest.TeamMailServer
    static class TwoAnnotations {
        @Test
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void aDirectAndAMetaAnnotationConflict() {
        assertThat(failureOf(TwoAnnotations.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Conflicting @ImapServer annotations on MisconfigurationTest.TwoAnnotations: "
                        + "@ImapServer and @TeamMailServer; keep only one");
    }

    @Kit.Fixture
    static class PerClassOnAMethod {
        @Test
        @ImapServer(lifecycle = Lifecycle.PER_CLASS)
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void perClassOnAMethodIsRejected() {
        assertThat(failureOf(PerClassOnAMethod.class))
                .hasMessage("@ImapServer on MisconfigurationTest.PerClassOnAMethod.test(): lifecycle PER_CLASS is only "
                        + "allowed on a class; a method-level @ImapServer always gives the test a server of its own");
    }

    @Kit.Fixture
    @ImapServer
    static class AnnotationAndField {
        @RegisterExtension
        static ImapServerExtension imap = ImapServerExtension.builder().build();

        @Test
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void anAnnotationAndARegisteredExtensionConflict() {
        assertThat(failureOf(AnnotationAndField.class))
                .hasMessage("@ImapServer on MisconfigurationTest.AnnotationAndField conflicts with the ImapServerExtension "
                        + "registered in MisconfigurationTest.AnnotationAndField.imap; configure the server one way only");
    }

    @Kit.Fixture
    static class TwoFields {
        @RegisterExtension
        static ImapServerExtension first = ImapServerExtension.builder().build();
        @RegisterExtension
        static ImapServerExtension second = ImapServerExtension.builder().build();

        @Test
        void bothServersAreReachable() {
            assertThat(first.server()).isNotSameAs(second.server());
        }

        @Test
        void injectionIsAmbiguous(ImapMockServer server) {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void twoRegisteredExtensionsCannotBeInjected() throws Exception {
        BODIES_RUN.set(0);
        Throwable failure = Kit.onlyFailure(Kit.run(TwoFields.class));
        assertThat(BODIES_RUN.get()).isZero();
        assertThat(failure)
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage("Cannot inject ImapMockServer into " + TwoFields.class.getDeclaredMethod("injectionIsAmbiguous",
                        ImapMockServer.class) + ": 2 ImapServerExtension fields are registered "
                        + "(MisconfigurationTest.TwoFields.first, MisconfigurationTest.TwoFields.second); "
                        + "call server() on the one you mean instead");
    }

    @Kit.Fixture
    @ImapServer
    static class BeforeAllWithoutPerClass {
        @org.junit.jupiter.api.BeforeAll
        static void before(ImapMockServer server) {
            BODIES_RUN.incrementAndGet();
        }

        @Test
        void test() {
            BODIES_RUN.incrementAndGet();
        }
    }

    @Test
    void injectingIntoBeforeAllNeedsPerClass() throws Exception {
        assertThat(failureOf(BeforeAllWithoutPerClass.class))
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessage("Cannot inject ImapMockServer into " + BeforeAllWithoutPerClass.class.getDeclaredMethod("before",
                        ImapMockServer.class) + ": with lifecycle PER_METHOD each test has its own server, so there is "
                        + "none for the class; use lifecycle PER_CLASS or inject it into the test method");
    }
}
