package app.stamina.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.function.Function;

/**
 * Reads instants written the way Stamina writes them ({@code 2026-11-03T18:00:00+01:00}, {@code …T17:00:00.123Z})
 * without {@link java.time.format.DateTimeFormatter}, whose general parser took a sixth of the CPU of the relay and of
 * each projection (every event carries two or three instants, read again at every hop). Anything else, other
 * shapes of ISO-8601 included, and every error, is left to Jackson's own deserializer, so what is accepted and what
 * is refused stays exactly as before. It also writes them as Jackson does, without the formatter, for the relay's
 * envelopes and for every instant the mapper writes as text in its default form.
 */
public final class IsoTimes {

    /** The seconds of the instants written in four-digit years, which {@link #format(Instant)} writes itself. */
    private static final long EPOCH_YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long EPOCH_YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) - 1;

    private IsoTimes() {
    }

    /** To be added after {@code JavaTimeModule}: a later module's deserializers come first. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("stamina-iso-times");
        module.addDeserializer(OffsetDateTime.class,
                new Fast<>(InstantDeserializer.OFFSET_DATE_TIME, parsed -> parsed));
        module.addDeserializer(Instant.class, new Fast<>(InstantDeserializer.INSTANT, OffsetDateTime::toInstant));
        module.addSerializer(OffsetDateTime.class,
                new FastWrite<>(OffsetDateTimeSerializer.INSTANCE, OffsetDateTime.class, IsoTimes::format));
        module.addSerializer(Instant.class,
                new FastWrite<>(InstantSerializer.INSTANCE, Instant.class, IsoTimes::format));
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

    /**
     * {@code time} as Jackson writes an {@code OffsetDateTime} here ({@code DateTimeFormatter.ISO_OFFSET_DATE_TIME}:
     * seconds always, the fraction without trailing zeros, {@code Z} for a zero offset), without the formatter.
     */
    public static String format(OffsetDateTime time) {
        int offset = time.getOffset().getTotalSeconds();
        if (time.getYear() < 0 || time.getYear() > 9999 || offset % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        StringBuilder text = new StringBuilder(35);
        dateTime(text, time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
                time.getSecond());
        int nanos = time.getNano();
        if (nanos > 0) {
            int places = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                places--;
            }
            text.append('.');
            padded(text, nanos, places);
        }
        if (offset == 0) {
            return text.append('Z').toString();
        }
        int minutes = Math.abs(offset) / 60;
        text.append(offset < 0 ? '-' : '+');
        padded(text, minutes / 60, 2);
        text.append(':');
        padded(text, minutes % 60, 2);
        return text.toString();
    }

    /**
     * {@code instant} as Jackson writes an {@code Instant} ({@link Instant#toString()}, {@code ISO_INSTANT}: the
     * fraction in groups of three digits), without the formatter.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < EPOCH_YEAR_0 || seconds > EPOCH_YEAR_10000) {
            return instant.toString();
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(30);
        dateTime(text, time.getYear(), time.getMonthValue(), time.getDayOfMonth(), time.getHour(), time.getMinute(),
                time.getSecond());
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            if (nanos % 1_000_000 == 0) {
                padded(text, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                padded(text, nanos / 1_000, 6);
            } else {
                padded(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static void dateTime(StringBuilder text, int year, int month, int day, int hour, int minute, int second) {
        padded(text, year, 4);
        padded(text.append('-'), month, 2);
        padded(text.append('-'), day, 2);
        padded(text.append('T'), hour, 2);
        padded(text.append(':'), minute, 2);
        padded(text.append(':'), second, 2);
    }

    /** {@code value}, not negative, in {@code places} digits with leading zeros. */
    private static void padded(StringBuilder text, int value, int places) {
        int end = text.length() + places;
        text.setLength(end);
        for (int at = end - 1; at >= end - places; at--, value /= 10) {
            text.setCharAt(at, (char) ('0' + value % 10));
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

    /**
     * Jackson's serializer with the fast path in front: an instant written as text in the default form, by
     * {@link #format}, which writes what Jackson's does. Timestamps, a property's or type's own format, and a mapper
     * that moves instants to its time zone get Jackson's alone.
     */
    private static final class FastWrite<T extends Temporal> extends StdSerializer<T> implements ContextualSerializer {

        private final JsonSerializer<T> general;
        private final Function<T, String> format;

        FastWrite(JsonSerializer<T> general, Class<T> type, Function<T, String> format) {
            super(type);
            this.general = general;
            this.format = format;
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            if (provider.isEnabled(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    || provider.getConfig().hasExplicitTimeZone()
                    && provider.isEnabled(SerializationFeature.WRITE_DATES_WITH_CONTEXT_TIME_ZONE)) {
                general.serialize(value, out, provider);
            } else {
                out.writeString(format.apply(value));
            }
        }

        @Override
        public void serializeWithType(T value, JsonGenerator out, SerializerProvider provider, TypeSerializer types)
                throws IOException {
            general.serializeWithType(value, out, provider, types);
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = general instanceof ContextualSerializer aware
                    ? aware.createContextual(provider, property) : general;
            JsonFormat.Value overrides = findFormatOverrides(provider, property, handledType());
            boolean ownFormat = !overrides.equals(JsonFormat.Value.empty());
            @SuppressWarnings("unchecked")
            JsonSerializer<?> fast = ownFormat ? contextual
                    : new FastWrite<>((JsonSerializer<T>) contextual, handledType(), format);
            return fast;
        }
    }
}
