package app.stamina.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Many concurrent clients on virtual threads, each repeating one unit of work until the time is up. */
final class Clients {

    @FunctionalInterface
    interface Work {
        /** Does one unit (a request) and says how many facts or rows it carried. */
        long run(int client, long iteration) throws Exception;
    }

    /** The outcome: units counted during the measured window only (after the warm-up), and their latencies. */
    record Run(long units, long requests, long failures, Duration measured, Latencies latencies) {

        double perSecond() {
            return units / (measured.toNanos() / 1e9);
        }
    }

    static Run run(int clients, Duration warmUp, Duration measure, Work work) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong units = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Latencies latencies = new Latencies();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                for (long i = 0; !stop.get(); i++) {
                    long started = System.nanoTime();
                    try {
                        long carried = work.run(client, i);
                        if (measuring.get()) {
                            latencies.add(System.nanoTime() - started);
                            units.addAndGet(carried);
                            requests.incrementAndGet();
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        if (failures.incrementAndGet() <= 3) {
                            System.err.println("  a request failed: " + e.getMessage());
                        }
                    }
                }
            }));
        }
        Thread.sleep(warmUp);
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure);
        measuring.set(false);
        Duration measured = Duration.ofNanos(System.nanoTime() - start);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return new Run(units.get(), requests.get(), failures.get(), measured, latencies);
    }

    private Clients() {
    }
}
