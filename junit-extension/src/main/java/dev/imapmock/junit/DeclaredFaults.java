package dev.imapmock.junit;

import dev.imapmock.ImapMockServer;
import dev.imapmock.fault.FaultRule;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The {@link ImapFault} rules of one test: added before it runs, checked after. */
final class DeclaredFaults {
    private final List<FaultRule> mustFire;

    private DeclaredFaults(List<FaultRule> mustFire) {
        this.mustFire = mustFire;
    }

    /**
     * Adds the rules declared on {@code classes} (outermost first) and on the test method to
     * {@code server}, in that order.
     *
     * @throws ExtensionConfigurationException naming the annotation when a line cannot be parsed
     */
    static DeclaredFaults apply(ImapMockServer server, List<ExtensionContext> classes, ExtensionContext test) {
        List<FaultRule> mustFire = new ArrayList<>();
        for (ExtensionContext c : classes) {
            add(server, c.getRequiredTestClass(), "class " + c.getRequiredTestClass().getName(), mustFire);
        }
        if (test.getTestMethod().isPresent()) {
            add(server, test.getRequiredTestMethod(), "method " + test.getRequiredTestMethod().getName(), mustFire);
        }
        return new DeclaredFaults(mustFire);
    }

    private static void add(ImapMockServer server, AnnotatedElement element, String where, List<FaultRule> mustFire) {
        for (ImapFault fault : AnnotationSupport.findRepeatableAnnotations(element, ImapFault.class)) {
            List<FaultRule> rules;
            try {
                rules = server.faults().load(fault.value());
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@ImapFault(\"" + fault.value() + "\") on " + where
                        + ": " + e.getMessage(), e);
            }
            if (fault.mustFire()) {
                mustFire.addAll(rules);
            }
        }
    }

    /** Fails when a rule declared with {@code mustFire = true} did not fire during the test. */
    void check() {
        List<FaultRule> silent = mustFire.stream().filter(r -> r.firedCount() == 0).collect(Collectors.toList());
        if (!silent.isEmpty()) {
            throw new AssertionFailedError("@ImapFault rules declared with mustFire = true never fired: "
                    + silent.stream().map(FaultRule::toString).collect(Collectors.joining("; ")));
        }
    }
}
