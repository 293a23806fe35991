package dev.imapmock.junit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs test classes through JUnit's EngineTestKit, as a user's build would run them. */
final class Kit {
    static final String ENABLED = "imapmock.kit";

    /**
     * Marks a class that only the kit runs: it is skipped when a build or an IDE discovers it, since
     * many of these classes fail on purpose.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Tag("kit")
    @ExtendWith(OnlyInKit.class)
    @interface Fixture {
    }

    static final class OnlyInKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).isPresent()
                    ? ConditionEvaluationResult.enabled("run by the kit")
                    : ConditionEvaluationResult.disabled("only run through EngineTestKit");
        }
    }

    private Kit() {
    }

    static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ENABLED, "true")
                .selectors(selectClass(testClass))
                .execute();
    }

    static EngineExecutionResults runInParallel(Class<?> testClass, int threads) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(ENABLED, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(threads))
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", String.valueOf(threads * 2))
                .selectors(selectClass(testClass))
                .execute();
    }

    /** Every failure, of tests and containers, in the order they were reported. */
    static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Kit::throwable)
                .collect(Collectors.toList());
    }

    /** The one failure of the run; fails when there are none or several. */
    static Throwable onlyFailure(EngineExecutionResults results) {
        List<Throwable> failures = failures(results);
        if (failures.size() != 1) {
            throw new AssertionError("Expected exactly one failure but got " + failures.size() + ": " + failures);
        }
        return failures.get(0);
    }

    /** Fails with every failure of the run when anything failed or nothing ran. */
    static void assertAllPassed(EngineExecutionResults results, int tests) {
        List<Throwable> failures = failures(results);
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " kit failure(s); first: " + failures.get(0));
            failures.forEach(error::addSuppressed);
            throw error;
        }
        results.testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
    }

    private static Throwable throwable(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }
}
