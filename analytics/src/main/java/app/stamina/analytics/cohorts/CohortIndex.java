package app.stamina.analytics.cohorts;

import app.stamina.analytics.facts.AthleteFacts;
import app.stamina.analytics.facts.AthleteFactsStore;
import app.stamina.analytics.facts.FactsListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The count histograms of every cell, kept in memory by each analytics instance and merged per query. The research
 * documents in MongoDB stay the record: this instance's own writes arrive at once, those of other instances (which
 * consume other partitions) by reading the documents they touched since the last look, every
 * {@code stamina.analytics.refresh-interval}. Replacing an athlete takes their old contribution away first, so
 * a document read twice counts once.
 */
@Component
public class CohortIndex implements FactsListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CohortIndex.class);
    private static final Duration FIRST_LOAD_WAIT = Duration.ofSeconds(10);
    private static final int REFRESH_BATCH = 500;

    private final Map<String, Contribution> athletes = new HashMap<>();
    private final Map<Cell, CellFigures> cells = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final AthleteFactsStore store;
    private final Clock clock;
    private final Duration refreshInterval;
    private Instant cutOff = Instant.EPOCH;
    private long lookedAtMillis = Long.MIN_VALUE;
    private ScheduledExecutorService refresher;

    public CohortIndex(AthleteFactsStore store, Clock clock,
                       @Value("${stamina.analytics.refresh-interval}") Duration refreshInterval) {
        this.store = store;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    /** An index of the given athletes alone, read by nothing else (for tests and tools). */
    public static CohortIndex of(Collection<AthleteFacts> athletes) {
        CohortIndex index = new CohortIndex(null, null, null);
        index.written(athletes);
        index.loaded.countDown();
        return index;
    }

    @Override
    public void written(Collection<AthleteFacts> written) {
        lock.writeLock().lock();
        try {
            written.forEach(this::put);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(AthleteFacts facts) {
        Contribution before = athletes.get(facts.id());
        if (!facts.isEnrolled() || before != null && before.version() >= facts.version()) {
            return;
        }
        Contribution now = Contribution.of(facts);
        if (before != null) {
            CellFigures cell = cells.get(before.cell());
            cell.add(before, -1);
            if (cell.athletes() == 0) {
                cells.remove(before.cell());
            }
        }
        athletes.put(facts.id(), now);
        cells.computeIfAbsent(now.cell(), c -> new CellFigures()).add(now, 1);
        if (now.lastOccurredAt() != null && now.lastOccurredAt().isAfter(cutOff)) {
            cutOff = now.lastOccurredAt();
        }
    }

    /** Runs a query over the population, once the documents have been read once. */
    <R> R read(Function<Population, R> query) {
        awaitFirstLoad();
        lock.readLock().lock();
        try {
            return query.apply(new Population(cells, cutOff));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The enrolled athletes by id and the data cut-off as they are now, once the documents have been read once.
     * Later writes do not change it: contributions are replaced, never changed.
     */
    public Roster roster() {
        awaitFirstLoad();
        lock.readLock().lock();
        try {
            return new Roster(Collections.unmodifiableNavigableMap(new TreeMap<>(athletes)), cutOff);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void awaitFirstLoad() {
        try {
            if (!loaded.await(FIRST_LOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CohortsNotReady();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CohortsNotReady();
        }
    }

    /**
     * Reads the documents other instances touched since a little before the last look (clocks of instances differ
     * slightly); this instance's own writes it learnt at once.
     */
    void refresh() {
        long startedMillis = clock.millis();
        long since = lookedAtMillis == Long.MIN_VALUE ? Long.MIN_VALUE : lookedAtMillis - refreshInterval.toMillis();
        List<AthleteFacts> batch = new ArrayList<>();
        long[] read = {0};
        store.forEachTouchedElsewhereSince(since, facts -> {
            batch.add(facts);
            if (batch.size() == REFRESH_BATCH) {
                read[0] += batch.size();
                written(batch);
                batch.clear();
            }
        });
        read[0] += batch.size();
        written(batch);
        if (lookedAtMillis == Long.MIN_VALUE) {
            log.info("cohort index: {} athletes read", read[0]);
        }
        lookedAtMillis = startedMillis;
        loaded.countDown();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("cohort index: could not read the research documents, will try again: {}", e.toString());
        }
    }

    /** The enrolled athletes, in the order of their ids, and the data cut-off of one moment. */
    public record Roster(NavigableMap<String, Contribution> athletes, Instant cutOff) {
    }

    @Override
    public void start() {
        refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cohort-index").daemon().factory());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        refresher.shutdownNow();
        refresher = null;
    }

    @Override
    public boolean isRunning() {
        return refresher != null;
    }
}
