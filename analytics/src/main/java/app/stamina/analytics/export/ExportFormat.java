package app.stamina.analytics.export;

import app.stamina.edge.InvalidRequest;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** CSV (RFC 4180, a header first) or NDJSON (one JSON object a line), written row by row. */
enum ExportFormat {
    CSV(new MediaType("text", "csv")),
    NDJSON(MediaType.parseMediaType("application/x-ndjson"));

    private final MediaType mediaType;

    ExportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static ExportFormat parse(String raw) {
        if ("csv".equals(raw) || raw == null) {
            return CSV;
        }
        if ("ndjson".equals(raw)) {
            return NDJSON;
        }
        throw InvalidRequest.of("format", "must be csv or ndjson");
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** A table with {@code columns} written to {@code body}, its header (in CSV) first. */
    Rows rows(OutputStream body, List<String> columns, ObjectMapper json) throws IOException {
        return this == CSV ? new CsvRows(body, columns) : new NdjsonRows(body, columns, json);
    }

    /** The rows of one table, each with a value per column in column order. */
    interface Rows {

        void row(Object... values) throws IOException;

        /** Sends what is buffered; the body itself stays open. */
        void flush() throws IOException;
    }

    /** Values as their {@code toString()}, quoted only where they hold a comma, quote or line break; null empty. */
    private static final class CsvRows implements Rows {

        private final Writer out;
        private final StringBuilder line = new StringBuilder(256);

        CsvRows(OutputStream body, List<String> columns) throws IOException {
            this.out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
            row(columns.toArray());
        }

        @Override
        public void row(Object... values) throws IOException {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                if (values[i] != null) {
                    append(values[i].toString());
                }
            }
            out.append(line.append("\r\n"));
        }

        private void append(String value) {
            boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0;
            if (quote) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }

    /**
     * One object a line, written straight to one generator: strings and whole numbers as they are, anything else
     * (decimals, maps) as {@code json} writes it.
     */
    private static final class NdjsonRows implements Rows {

        private final JsonGenerator out;
        private final ObjectWriter values;
        private final SerializedString[] columns;

        NdjsonRows(OutputStream body, List<String> columns, ObjectMapper json) throws IOException {
            this.out = json.getFactory().createGenerator(body, JsonEncoding.UTF8)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .setRootValueSeparator(null);
            this.values = json.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
            this.columns = columns.stream().map(SerializedString::new).toArray(SerializedString[]::new);
        }

        @Override
        public void row(Object... row) throws IOException {
            out.writeStartObject();
            for (int i = 0; i < columns.length; i++) {
                out.writeFieldName(columns[i]);
                switch (row[i]) {
                    case null -> out.writeNull();
                    case String text -> out.writeString(text);
                    case Integer number -> out.writeNumber(number);
                    case Long number -> out.writeNumber(number);
                    default -> values.writeValue(out, row[i]);
                }
            }
            out.writeEndObject();
            out.writeRaw('\n');
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
