package app.stamina.standalone;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;

/** Waits, in a standalone system running in the test's JVM, until both read sides have projected every stored event. */
final class CaughtUp {

    private CaughtUp() {
    }

    static void await(ApplicationContext app, Duration atMost) throws InterruptedException {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        Instant started = Instant.now();
        Instant deadline = started.plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            double appended = sum(meters, "stamina.events.appended", null);
            if (sum(meters, "stamina.events.projected", "stamina-query") >= appended
                    && sum(meters, "stamina.events.projected", "stamina-analytics") >= appended) {
                System.out.printf("both read sides had projected all %.0f events %.1f s later%n", appended,
                        Duration.between(started, Instant.now()).toMillis() / 1000.0);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the read sides did not project every stored event within " + atMost);
    }

    private static double sum(MeterRegistry meters, String name, String consumer) {
        var search = meters.find(name);
        if (consumer != null) {
            search = search.tag("consumer", consumer);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }
}
