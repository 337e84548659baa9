package app.stamina.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Session days (days in the athlete's zone with a counted hold), each with the instant of its latest counted hold,
 * which tells sessions before a severe setback from those after it. Written and read as a map from day to instant;
 * kept in memory as two longs a day, in order of day. The program keeps one per athlete and the query side one per
 * athlete and week, for thousands of athletes; a {@code TreeMap} of {@code LocalDate}s and {@code Instant}s took 88
 * bytes a day, this takes 16 (and 32 for the whole). It is written and read straight from and to its longs: going
 * through a map on the way cost every projected document a map entry, a date and an instant per day again.
 */
@JsonSerialize(using = SessionDays.Writer.class)
@JsonDeserialize(using = SessionDays.Reader.class)
public final class SessionDays {

    private static final long[] NONE = {};

    /**
     * Per day, in order of day: {@code [epochSecond, nano << 32 | epochDay]}. Exactly as long as it needs to be;
     * days mostly come in order, so a new one is searched for from the end.
     */
    private long[] days = NONE;

    public SessionDays() {
    }

    public Map<LocalDate, Instant> asMap() {
        Map<LocalDate, Instant> map = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            map.put(day(i), instant(i));
        }
        return map;
    }

    /** Counts a hold at {@code at} on {@code day}: the day keeps the later of it and the instant it had. */
    public void keepLatest(LocalDate day, Instant at) {
        long epochDay = day.toEpochDay();
        int i = size();
        while (i > 0 && epochDay(i - 1) > epochDay) {
            i--;
        }
        if (i > 0 && epochDay(i - 1) == epochDay) {
            if (at.isAfter(instant(i - 1))) {
                set(i - 1, epochDay, at);
            }
            return;
        }
        long[] grown = new long[days.length + 2];
        System.arraycopy(days, 0, grown, 0, 2 * i);
        System.arraycopy(days, 2 * i, grown, 2 * i + 2, days.length - 2 * i);
        days = grown;
        set(i, epochDay, at);
    }

    public int size() {
        return days.length / 2;
    }

    /** Days whose latest counted hold came after {@code instant}. */
    public int countAfter(Instant instant) {
        return countAfter(instant, LocalDate.MIN, LocalDate.MAX);
    }

    /** Days from {@code first} to {@code last} (both included) whose latest counted hold came after {@code instant}. */
    public int countAfter(Instant instant, LocalDate first, LocalDate last) {
        long from = first.toEpochDay();
        long to = last.toEpochDay();
        int count = 0;
        for (int i = 0; i < size(); i++) {
            long day = epochDay(i);
            if (day >= from && day <= to && instant(i).isAfter(instant)) {
                count++;
            }
        }
        return count;
    }

    public SessionDays copy() {
        SessionDays copy = new SessionDays();
        copy.days = days.length == 0 ? NONE : days.clone();
        return copy;
    }

    private void set(int i, long epochDay, Instant at) {
        days[2 * i] = at.getEpochSecond();
        days[2 * i + 1] = (long) at.getNano() << 32 | epochDay & 0xFFFF_FFFFL;
    }

    private long epochDay(int i) {
        return (int) days[2 * i + 1];
    }

    private LocalDate day(int i) {
        return LocalDate.ofEpochDay(epochDay(i));
    }

    private Instant instant(int i) {
        return Instant.ofEpochSecond(days[2 * i], days[2 * i + 1] >>> 32);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionDays other && Arrays.equals(days, other.days);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(days);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /** Writes the days as the map of day to instant, each instant as the mapper writes instants. */
    static final class Writer extends StdSerializer<SessionDays> {

        Writer() {
            super(SessionDays.class);
        }

        @Override
        public void serialize(SessionDays days, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject(days);
            for (int i = 0; i < days.size(); i++) {
                json.writeFieldName(days.day(i).toString());
                provider.defaultSerializeValue(days.instant(i), json);
            }
            json.writeEndObject();
        }
    }

    /** Reads the map of day to instant, each instant as the mapper reads instants. */
    static final class Reader extends StdDeserializer<SessionDays> {

        Reader() {
            super(SessionDays.class);
        }

        @Override
        public SessionDays deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (!json.isExpectedStartObjectToken()) {
                return (SessionDays) context.handleUnexpectedToken(SessionDays.class, json);
            }
            SessionDays days = new SessionDays();
            for (String day = json.nextFieldName(); day != null; day = json.nextFieldName()) {
                json.nextToken();
                Instant at = context.readValue(json, Instant.class);
                days.keepLatest(LocalDate.parse(day), at);
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                return (SessionDays) context.handleUnexpectedToken(SessionDays.class, json);
            }
            return days;
        }
    }
}
