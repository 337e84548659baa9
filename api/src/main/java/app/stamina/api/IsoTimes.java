package app.stamina.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.function.Function;

/**
 * Reads instants written the way Stamina writes them ({@code 2026-11-03T18:00:00+01:00}, {@code …T17:00:00.123Z})
 * without {@link java.time.format.DateTimeFormatter}, whose general parser took a sixth of the CPU of the relay and of
 * each projection (every event carries two or three instants, read again at every hop). Anything else, other
 * shapes of ISO-8601 included, and every error, is left to Jackson's own deserializer, so what is accepted and what
 * is refused stays exactly as before.
 */
public final class IsoTimes {

    private IsoTimes() {
    }

    /** To be added after {@code JavaTimeModule}: a later module's deserializers come first. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("stamina-iso-times");
        module.addDeserializer(OffsetDateTime.class,
                new Fast<>(InstantDeserializer.OFFSET_DATE_TIME, parsed -> parsed));
        module.addDeserializer(Instant.class, new Fast<>(InstantDeserializer.INSTANT, OffsetDateTime::toInstant));
        return module;
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}, as {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} reads it, or
     * null for any other text (which the caller hands to the general parser, as the module's deserializers do).
     */
    public static OffsetDateTime parse(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
                nanos = nanos * 10 + (text.charAt(at++) - '0');
            }
            int places = at - start;
            if (places == 0) {
                return null;
            }
            for (int i = places; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null || (year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static ZoneOffset offset(String text, int at) {
        int left = text.length() - at;
        if (left == 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = left == 6 ? text.charAt(at) : 0;
        if (sign != '+' && sign != '-' || text.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        try {
            return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The number written in {@code count} digits from {@code from}, or -1 if any of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The fast path for a JSON string, Jackson's deserializer for the rest; a property with a format of its own, or a
     * mapper that moves instants to its time zone, gets Jackson's alone.
     */
    private static final class Fast<T extends Temporal> extends JsonDeserializer<T> implements ContextualDeserializer {

        private final JsonDeserializer<T> general;
        private final Function<OffsetDateTime, T> convert;

        Fast(JsonDeserializer<T> general, Function<OffsetDateTime, T> convert) {
            this.general = general;
            this.convert = convert;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING
                    && !context.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
                OffsetDateTime parsed = parse(parser.getText());
                if (parsed != null) {
                    return convert.apply(parsed);
                }
            }
            return general.deserialize(parser, context);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = general instanceof ContextualDeserializer aware
                    ? aware.createContextual(context, property) : general;
            JsonFormat.Value format = property == null ? JsonFormat.Value.empty()
                    : property.findPropertyFormat(context.getConfig(), handledType());
            boolean ownFormat = format.hasPattern() || format.hasShape() || format.hasLocale() || format.hasTimeZone()
                    || format.hasLenient() || format.getFeature(JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE) != null;
            @SuppressWarnings("unchecked")
            JsonDeserializer<?> fast = ownFormat ? contextual : new Fast<>((JsonDeserializer<T>) contextual, convert);
            return fast;
        }

        @Override
        public Class<?> handledType() {
            return general.handledType();
        }
    }
}
