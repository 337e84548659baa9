package app.stamina.command.ledger;

import app.stamina.api.AthleteId;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client write asked for, reduced to a hash: the kind of write, the athlete, and the body without its
 * {@code eventId} (and a sync entry's {@code type}). Key order, whitespace, number notation ({@code 135} or
 * {@code 135.0}) and explicit nulls do not change it, so an honest retry always matches its first attempt.
 * <p>
 * The hashed text is the body as JSON with its keys sorted, nulls left out and numbers as their shortest decimal,
 * written straight from the parsed body. Building a sorted copy of the tree and having the mapper write that, and
 * looking SHA-256 up for every write, was an eighth of a sync's request-thread samples. The text is unchanged, so
 * fingerprints in the ledger still match their retries.
 */
public record Fingerprint(String value) {

    private static final Set<String> NOT_PART_OF_THE_WRITE = Set.of("eventId", "type");
    private static final JsonFactory JSON = new JsonFactory();
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static Fingerprint of(String kind, AthleteId athleteId, JsonNode body) {
        StringWriter canonical = new StringWriter(256).append(kind).append('\n').append(athleteId.value()).append('\n');
        try (JsonGenerator out = JSON.createGenerator(canonical)) {
            write(out, body, true);
        } catch (IOException e) {
            throw new UncheckedIOException("a parsed body could not be written", e);
        }
        byte[] hash = sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return new Fingerprint(HexFormat.of().formatHex(hash));
    }

    private static void write(JsonGenerator out, JsonNode node, boolean top) throws IOException {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getValue().isNull() && !(top && NOT_PART_OF_THE_WRITE.contains(field.getKey()))) {
                    fields.add(field);
                }
            }
            fields.sort(Map.Entry.comparingByKey());
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> field : fields) {
                out.writeFieldName(field.getKey());
                write(out, field.getValue(), false);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(out, element, false);
            }
            out.writeEndArray();
        } else if (node.isNumber()) {
            out.writeNumber(node.decimalValue().stripTrailingZeros());
        } else if (node.isTextual()) {
            out.writeString(node.textValue());
        } else if (node.isBoolean()) {
            out.writeBoolean(node.booleanValue());
        } else if (node.isNull()) {
            out.writeNull();
        } else {
            throw new IllegalArgumentException("a parsed body holds no " + node.getNodeType());
        }
    }

    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 can be cloned in every JVM", e);
        }
    }
}
