package app.stamina.command.relay;

import app.stamina.api.StaminaJson;
import app.stamina.api.envelope.Actor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredActorTest {

    private static final ObjectMapper JSON = StaminaJson.mapper().registerModule(MetaDataReader.module());

    @Test
    void readsTheActorAsTheWholeMetadataWouldGiveIt() throws Exception {
        for (String stored : List.of(
                "{\"actorSub\":\"nurse-ann\",\"actorRole\":\"clinician\",\"traceId\":\"8c1e\","
                        + "\"correlationId\":\"8c1e\"}",
                "{\"traceId\":\"8c1e\",\"actorRole\":\"athlete\",\"correlationId\":\"8c1e\",\"actorSub\":\"ada\"}",
                "{\"actorSub\":\"ada\"}",
                "{\"actorRole\":\"clinician\"}",
                "{\"actorSub\":null,\"actorRole\":\"clinician\"}",
                "{\"actorSub\":\"ada\",\"actorRole\":null}",
                "{}",
                "{\"nested\":{\"actorSub\":\"not-me\",\"list\":[{\"actorRole\":\"x\"}]},\"actorSub\":\"ada\"}",
                "{\"actorSub\":\"first\",\"actorSub\":\"second\",\"actorRole\":\"athlete\"}",
                "{ \"actorSub\" : \"caf\\u00e9-\\\"q\\\"\" , \"actorRole\" : \"researcher\" }",
                "{\"actorSub\":\"\",\"actorRole\":\"\"}")) {
            AtomicInteger deserialized = new AtomicInteger();
            Actor read = StoredActor.read(stored.getBytes(StandardCharsets.UTF_8), JSON.getFactory(), () -> {
                deserialized.incrementAndGet();
                return metaData(stored);
            });
            assertThat(read).as(stored).isEqualTo(StoredActor.of(metaData(stored)));
            assertThat(deserialized).as("the whole metadata is not read for " + stored).hasValue(0);
        }
    }

    @Test
    void anActorFieldOfAnotherShapeIsReadAsBefore() throws Exception {
        for (String stored : List.of("{\"actorSub\":42,\"actorRole\":\"athlete\"}",
                "{\"actorSub\":\"ada\",\"actorRole\":[\"athlete\",\"clinician\"]}",
                "{\"actorSub\":{\"id\":\"ada\"}}",
                "{\"actorSub\":true,\"actorRole\":1.5}")) {
            Actor read = StoredActor.read(stored.getBytes(StandardCharsets.UTF_8), JSON.getFactory(),
                    () -> metaData(stored));
            assertThat(read).as(stored).isEqualTo(StoredActor.of(metaData(stored))).isNotNull();
        }
    }

    @Test
    void metadataThatIsNotJsonFailsTheBatchRatherThanLosingTheActor() {
        assertThatThrownBy(() -> StoredActor.read("{\"actorSub\":\"ada".getBytes(StandardCharsets.UTF_8),
                JSON.getFactory(), MetaData::emptyInstance))
                .isInstanceOf(UncheckedIOException.class);
    }

    private static MetaData metaData(String stored) {
        try {
            return JSON.readValue(stored, MetaData.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
