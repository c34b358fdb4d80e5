package uk.trustplatform.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The soak's timings and errors, per operation, for the interval under way (handed over and begun
 * afresh each interval) and for the whole run; the first few errors are kept to be shown.
 */
final class SoakRecorder {

    private static final int ERRORS_SHOWN = 10;

    /** One operation's latencies (ms) and errors over some time. */
    static final class Tally {
        private final List<Double> millis = new ArrayList<>();
        private long errors;

        synchronized void add(double elapsed, boolean ok) {
            millis.add(elapsed);
            errors += ok ? 0 : 1;
        }

        synchronized int requests() {
            return millis.size();
        }

        synchronized long errors() {
            return errors;
        }

        synchronized double percentile(double fraction) {
            if (millis.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size())));
        }
    }

    private final AtomicReference<Map<SoakOperation, Tally>> interval = new AtomicReference<>(tallies());
    private final Map<SoakOperation, Tally> run = tallies();
    private final List<String> errorsShown = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    void record(SoakOperation operation, double millis, @Nullable String problem) {
        tally(interval.get(), operation).add(millis, problem == null);
        tally(run, operation).add(millis, problem == null);
        if (problem == null) {
            return;
        }
        // "HTTP 503: {...}" counts as "HTTP 503", "userErrors: [...]" as "userErrors".
        errorKinds
                .computeIfAbsent(operation.label() + ": " + problem.split(":")[0], kind -> new LongAdder())
                .increment();
        if (errorsShown.size() < ERRORS_SHOWN) {
            errorsShown.add(operation.description() + ": " + problem);
        }
    }

    /** The interval just ended; a new one begins. */
    Map<SoakOperation, Tally> nextInterval() {
        return interval.getAndSet(tallies());
    }

    Map<SoakOperation, Tally> run() {
        return run;
    }

    List<String> errorsShown() {
        return List.copyOf(errorsShown);
    }

    /** How many errors of each kind (operation and the problem's first words), most first. */
    List<String> errorKinds() {
        return errorKinds.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                .map(kind -> kind.getKey() + " × " + kind.getValue().sum())
                .toList();
    }

    /** An operation's tally: {@link #tallies()} gives each operation one. */
    static Tally tally(Map<SoakOperation, Tally> tallies, SoakOperation operation) {
        return Objects.requireNonNull(tallies.get(operation), "the tallies hold every operation");
    }

    private static Map<SoakOperation, Tally> tallies() {
        Map<SoakOperation, Tally> tallies = new EnumMap<>(SoakOperation.class);
        for (SoakOperation operation : SoakOperation.values()) {
            tallies.put(operation, new Tally());
        }
        return tallies;
    }
}
