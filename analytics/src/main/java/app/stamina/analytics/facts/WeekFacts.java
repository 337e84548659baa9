package app.stamina.analytics.facts;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.LocalDate;
import java.util.TreeSet;

/** One relative week of an athlete: sessions (days with a counted hold), best and total counted hold, setbacks. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WeekFacts {

    private TreeSet<LocalDate> sessionDays = new TreeSet<>();
    private int bestHoldSeconds;
    private int totalHoldSeconds;
    private int setbacks;

    void countHold(LocalDate day, int seconds) {
        sessionDays.add(day);
        bestHoldSeconds = Math.max(bestHoldSeconds, seconds);
        totalHoldSeconds += seconds;
    }

    void countSetback() {
        setbacks++;
    }

    public int sessions() {
        return sessionDays.size();
    }

    public int bestHoldSeconds() {
        return bestHoldSeconds;
    }

    public int totalHoldSeconds() {
        return totalHoldSeconds;
    }

    public int setbacks() {
        return setbacks;
    }
}
