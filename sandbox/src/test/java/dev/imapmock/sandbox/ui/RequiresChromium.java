package dev.imapmock.sandbox.ui;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Skips a browser test class, saying how to install Chromium, when it or its driver is missing; under
 * {@code CI=true} the class runs anyway, so {@link Browser#startOrSkip()} fails it instead.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RequiresChromium.Condition.class)
public @interface RequiresChromium {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String missing = Browser.missing();
            if (missing == null) {
                return ConditionEvaluationResult.enabled("Chromium and chromium-driver are installed");
            }
            if ("true".equals(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: a missing browser fails the tests");
            }
            if (context.getTestMethod().isEmpty()) {
                System.err.println("[WARNING] " + context.getDisplayName() + " skipped: " + missing);
            }
            return ConditionEvaluationResult.disabled(missing);
        }
    }
}
