package app.stamina.query.athlete;

import app.stamina.api.ProtocolRules;
import app.stamina.query.projection.VersionWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /progress/stream}: the progress now, then again each time it changes, as Server-Sent Events named
 * {@code progress}. Each stream is served by a virtual thread woken by written batches (and every second, for
 * writes made by another instance); a comment keeps idle connections open. When the application stops, every
 * open stream is ended first, so that its client reconnects (to this instance restarted, or to another) rather than
 * holding up the web server's graceful shutdown until it gives up.
 */
@Component
class ProgressStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProgressStreams.class);
    private static final Duration WAKE = Duration.ofSeconds(1);
    private static final int KEEP_ALIVE_WAKES = 15;

    private final AthleteReads reads;
    private final VersionWatch watch;
    private final ProtocolRules rules;
    private final Duration timeout;
    private final Set<SseEmitter> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    ProgressStreams(AthleteReads reads, VersionWatch watch, ProtocolRules rules,
                    @Value("${stamina.query.stream-timeout}") Duration timeout) {
        this.reads = reads;
        this.watch = watch;
        this.rules = rules;
        this.timeout = timeout;
    }

    SseEmitter open(String athleteId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        AtomicBoolean open = new AtomicBoolean(true);
        emitter.onCompletion(() -> open.set(false));
        emitter.onTimeout(() -> open.set(false));
        emitter.onError(error -> open.set(false));
        streams.add(emitter);
        Thread.ofVirtual().name("progress-stream-" + athleteId).start(() -> serve(athleteId, emitter, open));
        return emitter;
    }

    private void serve(String athleteId, SseEmitter emitter, AtomicBoolean open) {
        long sent = -1;
        int idle = 0;
        try {
            while (open.get()) {
                Optional<AthleteView> view = reads.current(athleteId);
                if (view.isPresent() && view.get().version() != sent) {
                    sent = view.get().version();
                    emitter.send(SseEmitter.event().name("progress").id(Long.toString(sent))
                            .data(Progress.of(view.get(), rules, reads.today(view.get())), MediaType.APPLICATION_JSON));
                    idle = 0;
                } else if (++idle >= KEEP_ALIVE_WAKES) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    idle = 0;
                }
                watch.awaitNextBatch(WAKE);
            }
        } catch (IOException | IllegalStateException closed) {
            log.debug("progress stream of {} closed: {}", athleteId, closed.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.remove(emitter);
            emitter.complete();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Before the web server's graceful shutdown (a later phase) waits for requests still open: ends each stream. */
    @Override
    public void stop() {
        running = false;
        streams.forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
