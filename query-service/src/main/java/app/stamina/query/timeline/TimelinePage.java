package app.stamina.query.timeline;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Versions {@code page * SIZE + 1} to {@code (page + 1) * SIZE} of one athlete's events, oldest first, as stored;
 * {@code version} is the last one it holds.
 */
record TimelinePage(@JsonProperty("_id") String id, String athleteId, long page, long version,
                    List<TimelineEntry> events) {

    static final int SIZE = 50;

    /** A new page with its first events, {@code version} the last of them. */
    static TimelinePage of(String id, long version, List<TimelineEntry> events) {
        int separator = id.lastIndexOf(':');
        return new TimelinePage(id, id.substring(0, separator), Long.parseLong(id.substring(separator + 1)), version,
                events);
    }

    static long pageOf(long version) {
        return (version - 1) / SIZE;
    }

    static String id(String athleteId, long page) {
        return athleteId + ":" + page;
    }

    static String idOf(String athleteId, long version) {
        return id(athleteId, pageOf(version));
    }
}
