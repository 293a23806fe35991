package dev.imapmock.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a {@link FaultEffect.Delay} lasts: fixed, or drawn from the rule's seeded generator so
 * that the same seed gives the same delays.
 */
public sealed interface Latency {

    /**
     * Always {@code duration}.
     *
     * @param duration the delay, not negative
     * @return the latency
     */
    static Latency fixed(Duration duration) {
        return new Fixed(duration);
    }

    /**
     * Uniform between {@code min} and {@code max}, both included.
     *
     * @param min the shortest delay
     * @param max the longest delay
     * @return the latency
     */
    static Latency uniform(Duration min, Duration max) {
        return new Uniform(min, max);
    }

    /**
     * Log-normal around {@code median} with shape {@code sigma} (0.5 is a typical network: most
     * delays near the median, a long tail), capped at 60 seconds.
     *
     * @param median the median delay
     * @param sigma the shape, positive
     * @return the latency
     */
    static Latency logNormal(Duration median, double sigma) {
        return new LogNormal(median, sigma);
    }

    /**
     * One delay; draws from {@code random} unless fixed.
     *
     * @param random the rule's seeded generator
     * @return the delay
     */
    Duration draw(SplittableRandom random);

    /**
     * A fixed delay.
     *
     * @param duration the delay
     */
    record Fixed(Duration duration) implements Latency {
        /**
         * Refuses a negative delay.
         *
         * @param duration the delay
         */
        public Fixed {
            checkNotNegative(duration);
        }

        @Override
        public Duration draw(SplittableRandom random) {
            return duration;
        }

        @Override
        public String toString() {
            return Faults.text(duration);
        }
    }

    /**
     * A delay drawn uniformly.
     *
     * @param min the shortest delay
     * @param max the longest delay
     */
    record Uniform(Duration min, Duration max) implements Latency {
        /**
         * Refuses negative delays and {@code max} below {@code min}.
         *
         * @param min the shortest delay
         * @param max the longest delay
         */
        public Uniform {
            checkNotNegative(min);
            checkNotNegative(max);
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max is less than min: " + max + " < " + min);
            }
        }

        @Override
        public Duration draw(SplittableRandom random) {
            long span = max.toNanos() - min.toNanos();
            return min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
        }

        @Override
        public String toString() {
            return "uniform " + Faults.text(min) + " " + Faults.text(max);
        }
    }

    /**
     * A delay drawn log-normally, capped at 60 seconds.
     *
     * @param median the median delay
     * @param sigma the shape
     */
    record LogNormal(Duration median, double sigma) implements Latency {
        private static final long CAP_NANOS = Duration.ofSeconds(60).toNanos();

        /**
         * Refuses a median that is not positive or a shape that is not.
         *
         * @param median the median delay
         * @param sigma the shape
         */
        public LogNormal {
            checkNotNegative(median);
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("sigma must be a non-negative number: " + sigma);
            }
        }

        @Override
        public Duration draw(SplittableRandom random) {
            double gaussian = gaussian(random);
            double nanos = median.toNanos() * Math.exp(sigma * gaussian);
            return Duration.ofNanos((long) Math.min(CAP_NANOS, nanos));
        }

        /** Box-Muller, so that the draw depends on the generator alone. */
        private static double gaussian(SplittableRandom random) {
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        @Override
        public String toString() {
            return "lognormal " + Faults.text(median) + " " + sigma;
        }
    }

    private static void checkNotNegative(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) {
            throw new IllegalArgumentException("Negative duration: " + d);
        }
    }
}
