package app.stamina.query.projection;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes readers waiting for a read model to catch up as soon as this instance has written a batch, instead of
 * letting them poll at a fixed pace. Readers still re-read MongoDB: another instance may have written it.
 */
@Component
public class VersionWatch {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();

    public void batchWritten() {
        lock.lock();
        try {
            written.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next written batch, at most {@code max}. */
    public void awaitNextBatch(Duration max) throws InterruptedException {
        lock.lock();
        try {
            written.await(max.toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }
}
