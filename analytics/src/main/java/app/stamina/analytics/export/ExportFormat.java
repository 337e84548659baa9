package app.stamina.analytics.export;

import app.stamina.edge.InvalidRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.Writer;
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

    void header(Writer out, List<String> columns) throws IOException {
        if (this == CSV) {
            out.write(String.join(",", columns.stream().map(ExportFormat::csv).toList()));
            out.write("\r\n");
        }
    }

    void row(Writer out, List<String> columns, List<Object> values, ObjectMapper json) throws IOException {
        if (this == CSV) {
            out.write(String.join(",", values.stream().map(v -> v == null ? "" : csv(v.toString())).toList()));
            out.write("\r\n");
            return;
        }
        ObjectNode line = json.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            line.set(columns.get(i), json.valueToTree(values.get(i)));
        }
        out.write(json.writeValueAsString(line));
        out.write("\n");
    }

    private static String csv(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
