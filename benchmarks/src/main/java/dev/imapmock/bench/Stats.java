package dev.imapmock.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Samples of one workload on one target: median with min and max. */
record Stats(List<Double> samples) {
    Stats {
        samples = new ArrayList<>(samples);
        Collections.sort(samples);
    }

    static Stats of(double... values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return new Stats(list);
    }

    double median() {
        int n = samples.size();
        return n % 2 == 1 ? samples.get(n / 2) : (samples.get(n / 2 - 1) + samples.get(n / 2)) / 2;
    }

    double min() {
        return samples.get(0);
    }

    double max() {
        return samples.get(samples.size() - 1);
    }

    String format() {
        return samples.size() == 1 ? num(median()) : num(median()) + " (" + num(min()) + "–" + num(max()) + ")";
    }

    static String num(double v) {
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (v >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
