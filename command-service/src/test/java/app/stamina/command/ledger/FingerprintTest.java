package app.stamina.command.ledger;

import app.stamina.api.AthleteId;
import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {

    private static final ObjectMapper JSON = StaminaJson.mapper();
    private static final AthleteId ADA = AthleteId.of("ada");

    /** Fingerprints are kept in the ledger: a retry after an upgrade must still match what was stored before it. */
    @Test
    void theHashIsTheOneEarlierVersionsStored() throws Exception {
        Random random = new Random(20261204);
        for (int i = 0; i < 5_000; i++) {
            String text = object(random, 0, true);
            JsonNode body = JSON.readTree(text);
            assertThat(Fingerprint.of("holds", ADA, body).value()).as(text)
                    .isEqualTo(asStoredBefore("holds", ADA, body));
        }
    }

    @Test
    void whatDoesNotChangeTheWriteDoesNotChangeTheHash() throws Exception {
        Fingerprint first = of("{\"eventId\":\"a\",\"kg\":135,\"at\":\"2026-11-03T18:00:00+01:00\",\"note\":null}");

        assertThat(of("{ \"at\" : \"2026-11-03T18:00:00+01:00\", \"kg\" : 135.0, \"eventId\" : \"b\" }"))
                .isEqualTo(first);
        assertThat(of("{\"kg\":1.35E2,\"at\":\"2026-11-03T18:00:00+01:00\",\"type\":\"rep\"}")).isEqualTo(first);
        assertThat(of("{\"kg\":135.5,\"at\":\"2026-11-03T18:00:00+01:00\"}")).isNotEqualTo(first);
        assertThat(Fingerprint.of("reps", ADA, JSON.readTree("{\"kg\":135,\"at\":\"2026-11-03T18:00:00+01:00\"}")))
                .isNotEqualTo(first);
        assertThat(Fingerprint.of("holds", AthleteId.of("bea"),
                JSON.readTree("{\"kg\":135,\"at\":\"2026-11-03T18:00:00+01:00\"}"))).isNotEqualTo(first);
    }

    private static Fingerprint of(String body) throws Exception {
        return Fingerprint.of("holds", ADA, JSON.readTree(body));
    }

    private static String object(Random random, int depth, boolean top) {
        List<String> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("eventId", "type", "kg", "durationSeconds", "placement",
                "neutralHeld", "pain", "reps", "arm", "a", "B", "ä", "z1", "z10"));
        Collections.shuffle(names, random);
        for (String name : names.subList(0, random.nextInt(names.size()))) {
            fields.add("\"" + name + "\":" + value(random, depth));
        }
        return "{" + String.join(top && random.nextBoolean() ? " , " : ",", fields) + "}";
    }

    private static String value(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 12 : 10)) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextInt(2000) - 1000);
            case 3 -> String.valueOf(random.nextLong());
            case 4 -> random.nextInt(1000) + "." + "0".repeat(random.nextInt(3)) + random.nextInt(100)
                    + "0".repeat(random.nextInt(3));
            case 5 -> (random.nextBoolean() ? "-" : "") + random.nextInt(100) + "E" + (random.nextInt(40) - 20);
            case 6 -> random.nextBoolean() ? "-0.0" : "123456789012345678901234567890.1200";
            case 7 -> "\"" + List.of("", "arm:B", "caf\\u00e9", "line\\nbreak", "quote\\\"", "back\\\\slash", "\\u0001",
                    "😀", "\\ud83d\\ude00", "\\ud800", "tab\\t", "/").get(random.nextInt(12)) + "\"";
            case 8 -> "\"2026-11-0" + (1 + random.nextInt(9)) + "T18:00:00+01:00\"";
            case 9 -> "1" + "0".repeat(random.nextInt(25));
            case 10 -> object(random, depth + 1, false);
            default -> {
                List<String> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(value(random, depth + 1));
                }
                yield "[" + String.join(",", elements) + "]";
            }
        };
    }

    /** The fingerprint as versions up to 2026-12-04 computed it, through a sorted copy of the tree. */
    private static String asStoredBefore(String kind, AthleteId athleteId, JsonNode body) throws Exception {
        String canonical = kind + "\n" + athleteId.value() + "\n" + sortedCopy(body, true);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }

    private static final Set<String> NOT_PART_OF_THE_WRITE = Set.of("eventId", "type");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static JsonNode sortedCopy(JsonNode node, boolean top) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull() && !(top && NOT_PART_OF_THE_WRITE.contains(field.getKey()))) {
                    sorted.put(field.getKey(), sortedCopy(field.getValue(), false));
                }
            }
            ObjectNode object = NODES.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            var array = NODES.arrayNode();
            node.forEach(element -> array.add(sortedCopy(element, false)));
            return array;
        }
        if (node.isNumber()) {
            return NODES.numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}
