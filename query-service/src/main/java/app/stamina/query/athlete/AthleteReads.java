package app.stamina.query.athlete;

import app.stamina.edge.AthleteNotFound;
import app.stamina.query.http.NotCaughtUp;
import app.stamina.query.projection.VersionWatch;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads an athlete's document, first waiting (up to {@code stamina.query.catch-up-wait}, 5 s) for it to reach the
 * {@code minVersion} a client's own write returned: read-your-writes across the command and query services.
 */
@Service
public class AthleteReads {

    private static final Duration RECHECK = Duration.ofMillis(100);

    private final AthleteViews views;
    private final VersionWatch watch;
    private final Clock clock;
    private final Duration catchUpWait;

    public AthleteReads(AthleteViews views, VersionWatch watch, Clock clock,
                        @Value("${stamina.query.catch-up-wait:5s}") Duration catchUpWait) {
        this.views = views;
        this.watch = watch;
        this.clock = clock;
        this.catchUpWait = catchUpWait;
    }

    public AthleteView read(String athleteId, Long minVersion) {
        if (minVersion == null) {
            return views.findNewest(athleteId).orElseThrow(() -> new AthleteNotFound(athleteId));
        }
        Instant deadline = clock.instant().plus(catchUpWait);
        while (true) {
            Optional<AthleteView> view = views.findNewest(athleteId);
            if (view.isPresent() && view.get().version() >= minVersion) {
                return view.get();
            }
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new NotCaughtUp(athleteId, minVersion, view.map(AthleteView::version).orElse(0L));
            }
            try {
                watch.awaitNextBatch(left.compareTo(RECHECK) < 0 ? left : RECHECK);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUp(athleteId, minVersion, view.map(AthleteView::version).orElse(0L));
            }
        }
    }

    public Optional<AthleteView> current(String athleteId) {
        return views.findNewest(athleteId);
    }

    /** Today's date where the athlete lives. */
    public LocalDate today(AthleteView view) {
        return LocalDate.now(clock.withZone(view.timeZone()));
    }
}
