package app.stamina.command.ledger;

import app.stamina.api.AthleteId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a client write asked for, reduced to a hash: the kind of write, the athlete, and the body without its
 * {@code eventId} (and a sync entry's {@code type}). Key order, whitespace, number notation ({@code 135} or
 * {@code 135.0}) and explicit nulls do not change it, so an honest retry always matches its first attempt.
 */
public record Fingerprint(String value) {

    private static final Set<String> NOT_PART_OF_THE_WRITE = Set.of("eventId", "type");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    public static Fingerprint of(String kind, AthleteId athleteId, JsonNode body) {
        String canonical = kind + "\n" + athleteId.value() + "\n" + canonical(body, true);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new Fingerprint(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static JsonNode canonical(JsonNode node, boolean top) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull() && !(top && NOT_PART_OF_THE_WRITE.contains(field.getKey()))) {
                    sorted.put(field.getKey(), canonical(field.getValue(), false));
                }
            }
            ObjectNode object = NODES.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            var array = NODES.arrayNode();
            node.forEach(element -> array.add(canonical(element, false)));
            return array;
        }
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
