package dev.imapmock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fault rule for the test's server, in the line format of a fault file (docs/faults.md):
 *
 * <pre>{@code
 * @Test
 * @ImapFault("on LOGIN respond NO [UNAVAILABLE] Down for maintenance")
 * @ImapFault(value = "on FETCH in-literal 100 reset", mustFire = true)
 * void survivesABadServer(ImapMockServer server) { ... }
 * }</pre>
 *
 * <p>Repeatable; on a test method, on a class (every test of it and of its {@code @Nested}
 * classes), or on a meta-annotation. Rules of enclosing classes come first, then those of the
 * method, in the order written. They are added before each test, after the server is started; a
 * server shared by a class ({@link ImapServer.Lifecycle#PER_CLASS}) forgets every fault rule before
 * each test, so each test starts with exactly the rules it declares. For anything the line format
 * does not cover, inject the server and use {@code server.faults()}.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(ImapFaults.class)
public @interface ImapFault {

    /**
     * One fault-file line, e.g. {@code "on STATUS nth 2 respond NO [UNAVAILABLE] Try later"}.
     *
     * @return the rule, in fault-file syntax
     */
    String value();

    /**
     * When true, the test fails after it ran if the rule never fired: a test meant to prove the app
     * survives a fault proves nothing when the fault did not happen.
     *
     * @return whether the rule must fire
     */
    boolean mustFire() default false;
}
