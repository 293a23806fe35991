package dev.imapmock.junit;

import dev.imapmock.Extension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an in-memory IMAP server for the annotated test class or method and injects it as an
 * {@link dev.imapmock.ImapMockServer} (or its {@link dev.imapmock.journal.Journal}) into test
 * methods, lifecycle methods and constructors. The server always listens on a free port of
 * {@code 127.0.0.1}.
 *
 * <p>Where the annotation may stand, and how settings combine:
 * <ul>
 *   <li>On a class: applies to every test in it, and in its {@code @Nested} classes.</li>
 *   <li>On a {@code @Nested} class or a test method: its non-empty attributes replace the enclosing
 *       ones; empty attributes inherit. A method-level annotation always gives that test a server
 *       of its own, even when the class asks for {@link Lifecycle#PER_CLASS}.</li>
 *   <li>On an annotation type, as a meta-annotation: {@code @OurMailServer} carrying
 *       {@code @ImapServer(...)} acts as that {@code @ImapServer}. Only one {@code @ImapServer},
 *       direct or meta, may be present on one element.</li>
 * </ul>
 *
 * <p>Misconfiguration (a user spec that is not {@code name:password}, a fixture that cannot be
 * found, conflicting annotations) fails the test before it starts, with a message naming the
 * annotation and the problem.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ImapServerExtension.class)
public @interface ImapServer {

    /** The user configured when no {@link #users()} are given anywhere: {@value}. */
    String DEFAULT_USER = "user:password";

    /**
     * The users, each {@code "name:password"}; the password is everything after the first colon and
     * may be empty. Empty (the default) inherits from the enclosing class, and where nothing is
     * declared at all the server has the one user {@value #DEFAULT_USER}.
     *
     * @return the users
     */
    String[] users() default {};

    /**
     * Mail to seed, each a fixture spec: {@code imapmock:corpus/NAME} for the shipped corpus, else a
     * classpath resource, else a file path (relative to the working directory); a mailbox tree, a
     * single {@code .eml} or an {@code .mbox}. With one user it is that user's mail; with several, a
     * directory holding one tree per user, named after the user. Several specs are seeded in order.
     * Empty (the default) inherits; {@code fixtures = ""} seeds nothing, even when the enclosing
     * class has fixtures.
     *
     * @return the fixture specs
     */
    String[] fixtures() default {};

    /**
     * Extensions the server leaves out, as if it never had them (see {@link Extension}): gone from
     * CAPABILITY, their commands and syntax answered {@code BAD}; what needs them goes too. Tests a
     * client's fallback path, e.g. {@code without = Extension.IDLE} for a client that must poll.
     * Empty (the default) inherits from the enclosing class; a non-empty list replaces it.
     *
     * @return the extensions left out
     */
    Extension[] without() default {};

    /**
     * Extensions that are off by default to turn on, such as {@code with = Extension.OBJECTID}.
     * Empty (the default) inherits from the enclosing class; a non-empty list replaces it.
     *
     * @return the extensions turned on
     */
    Extension[] with() default {};

    /**
     * The provider the server answers like (see {@code dev.imapmock.Profile} and docs/profiles.md):
     * {@code "gmail"}, {@code "outlook"}, {@code "minimal"}, {@code "dovecot"}, {@code "yahoo"},
     * {@code "icloud"}, or a profile file (a classpath resource first, then a file path). The other
     * attributes override what it sets. Empty (the default) inherits from the enclosing class.
     *
     * @return the profile's name or file
     */
    String profile() default "";

    /**
     * Speaks TLS: STARTTLS on the port and implicit TLS ({@code imaps}) on a free port of its own
     * ({@link dev.imapmock.ImapMockServer#tlsPort()}), with the certificate generated for
     * {@code localhost}, {@code 127.0.0.1} and {@code ::1}. Inject {@link dev.imapmock.ServerTls} to
     * trust it. Once true on a class, its methods and {@code @Nested} classes speak TLS too.
     *
     * @return whether the server speaks TLS
     */
    boolean tls() default false;

    /**
     * The port of implicit TLS ({@code imaps}, RFC 8314): 0 for a free one
     * ({@link dev.imapmock.ImapMockServer#tlsPort()}), or a fixed port for an application whose
     * configuration names one (tests that share it cannot run in parallel). Given without
     * {@link #tls()}, the server speaks implicit TLS only: the plain port offers no STARTTLS. With
     * {@link #tls()} (and by default, where {@code tls} or another TLS attribute asks for TLS) the
     * implicit-TLS port is a free one. -1 (the default) inherits from the enclosing class.
     *
     * @return the implicit-TLS port, 0 for a free one, -1 to inherit
     */
    int tlsPort() default -1;

    /**
     * Refuses LOGIN and the SASL mechanisms that send a secret in clear until the connection speaks
     * TLS, and advertises {@code LOGINDISABLED} on a clear connection (RFC 3501 §6.2.3): the
     * setting of a server an application must reach with {@code mail.imap.starttls.required}.
     * Implies TLS as {@link #tls()} gives it unless {@link #tlsPort()} alone chooses implicit TLS.
     * Once true on a class, its methods and {@code @Nested} classes require TLS too.
     *
     * @return whether logins need TLS
     */
    boolean requireTls() default false;

    /**
     * The TLS protocol versions allowed, such as {@code "TLSv1.2"}; by default the JDK's. A test
     * can so prove that its application refuses, or copes with, an old protocol. Implies TLS as
     * {@link #requireTls()} does. Empty (the default) inherits; a non-empty list replaces it.
     *
     * @return the protocol versions
     */
    String[] tlsProtocols() default {};

    /**
     * A PKCS#12 keystore whose first key entry the server presents instead of the generated
     * certificate: a classpath resource first, else a file path (relative to the working
     * directory). Its password never stands in code: name where it is with
     * {@link #keystorePasswordEnv()} or {@link #keystorePasswordProperty()}, exactly one. Implies
     * TLS as {@link #requireTls()} does. Empty (the default) inherits; a keystore given replaces the
     * enclosing one together with its password setting.
     *
     * @return the keystore's resource or path
     */
    String keystore() default "";

    /**
     * The environment variable holding the {@link #keystore()}'s password, read when the server
     * starts; a variable that is not set fails the test before it starts, naming the variable (never
     * a value). Only beside {@code keystore} on the same annotation.
     *
     * @return the environment variable's name
     */
    String keystorePasswordEnv() default "";

    /**
     * The system property holding the {@link #keystore()}'s password (for example one that
     * Surefire's {@code systemPropertyVariables} sets from the build), read as
     * {@link #keystorePasswordEnv()} is. Only beside {@code keystore} on the same annotation.
     *
     * @return the system property's name
     */
    String keystorePasswordProperty() default "";

    /**
     * The SASL mechanisms offered, in {@code AUTH=} order, from PLAIN, LOGIN, CRAM-MD5,
     * SCRAM-SHA-1, SCRAM-SHA-256, their {@code -PLUS} variants, XOAUTH2 and OAUTHBEARER (see
     * {@link dev.imapmock.ImapMockServer.Builder#saslMechanisms}). Empty (the default) inherits,
     * and where nothing is declared the server offers PLAIN and LOGIN, as Dovecot does, with
     * XOAUTH2 and OAUTHBEARER too when {@link #tokens()} are given.
     *
     * @return the mechanism names
     */
    String[] saslMechanisms() default {};

    /**
     * After this many failed LOGIN and AUTHENTICATE commands on one connection the server says
     * {@code * BYE} and closes it; 0 for no limit. -1 (the default) inherits, and where nothing is
     * declared there is no limit.
     *
     * @return the limit, 0 for none, -1 to inherit
     */
    int maxFailedLogins() default -1;

    /**
     * OAuth2 bearer tokens, each {@code "user:token"}, accepted by XOAUTH2 and OAUTHBEARER for that
     * user. Empty (the default) inherits; a non-empty list replaces the enclosing one.
     *
     * @return the tokens
     */
    String[] tokens() default {};

    /**
     * Quota roots (RFC 9208), each {@code "user:KiB"} or {@code "user:KiB:messages"}: at most that many
     * KiB (units of 1024 octets) and messages in all of the user's mailboxes, 0 for no limit, shown as
     * {@code "User quota"} by GETQUOTAROOT and enforced with {@code NO [OVERQUOTA]}. Add
     * {@code with = Extension.QUOTASET} to let SETQUOTA change them. Empty (the default) inherits; a
     * non-empty list replaces the enclosing one.
     *
     * @return the quota roots
     */
    String[] quotas() default {};

    /**
     * A user, one of {@link #users()}, that every connection starts logged in as: the greeting is
     * {@code * PREAUTH [CAPABILITY ...] Logged in as USER} (RFC 9051 §7.1.4) and the client sends
     * no LOGIN. Empty (the default) inherits, and where nothing is declared connections log in.
     * For only some connections, use the builder's {@code preauthenticate(user, n -> ...)} in an
     * {@link ImapServerExtension.Builder} customizer.
     *
     * @return the user name
     */
    String preauth() default "";

    /**
     * How long a server lives. Only meaningful on a class (or a meta-annotation used on classes); a
     * method-level annotation that asks for {@link Lifecycle#PER_CLASS} is a configuration error.
     *
     * @return the lifecycle
     */
    Lifecycle lifecycle() default Lifecycle.PER_METHOD;

    /**
     * When true, a test fails after it ran if the client checks found a protocol violation
     * ({@code server.clientReport().violations()}, see docs/client-checks.md); wasteful patterns
     * and notes never fail it. True on any annotation that applies turns it on.
     *
     * @return whether violations fail the test
     */
    boolean strictClient() default false;

    /**
     * The client checks' polling interval in seconds: NOOP, CHECK or STATUS of one mailbox sent
     * again less than this far apart, by a client that never uses IDLE although the server offers
     * it, is the wasteful pattern {@code polling-instead-of-idle} (see docs/client-checks.md). The
     * other thresholds of {@link dev.imapmock.check.CheckLimits} (and this one) are set with the
     * server builder's {@code clientChecks(...)} in an {@link ImapServerExtension.Builder#configure}
     * customizer. -1 (the default) inherits, and where nothing is declared it is 60 seconds; a
     * {@code @Nested} class or method that gives one replaces the enclosing one.
     *
     * @return the interval in seconds, at least 1, or -1 to inherit
     */
    int clientPollingSeconds() default -1;

    /** How long a server lives, and so which tests share it. */
    enum Lifecycle {
        /** A fresh server, seeded afresh, for every test (every invocation of a parameterized test). */
        PER_METHOD,
        /**
         * One server for the annotated class and its {@code @Nested} classes that do not declare their
         * own {@code @ImapServer}. The journal is cleared before each test; mail, flags and mailboxes
         * that tests change stay changed. Tests sharing it should not run concurrently, since they
         * share the journal.
         */
        PER_CLASS
    }
}
