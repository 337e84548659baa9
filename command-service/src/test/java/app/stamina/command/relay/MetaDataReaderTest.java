package app.stamina.command.relay;

import app.stamina.api.StaminaJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.MetaDataDeserializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetaDataReaderTest {

    private static final ObjectMapper AXON = StaminaJson.mapper()
            .registerModule(new SimpleModule("axon").addDeserializer(MetaData.class, new MetaDataDeserializer()));
    private static final ObjectMapper OURS = StaminaJson.mapper().registerModule(MetaDataReader.module());

    @Test
    void readsEveryShapeOfMetadataAsAxonsOwnDeserializerDoes() throws Exception {
        for (String json : List.of("{}",
                "{\"sub\":\"nurse-ann\",\"role\":\"clinician\",\"traceId\":\"8c1e\",\"correlationId\":\"8c1e\"}",
                "{\"count\":3,\"big\":12345678901,\"ratio\":0.25,\"yes\":true,\"none\":null}",
                "{\"nested\":{\"a\":[1,\"two\",{\"b\":null}]},\"list\":[],\"empty\":\"\"}")) {
            MetaData expected = AXON.readValue(json, MetaData.class);
            assertThat(OURS.readValue(json, MetaData.class)).as(json).isEqualTo(expected);
        }
        assertThat(OURS.readValue("null", MetaData.class)).isNull();
    }

    @Test
    void metadataThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> OURS.readValue("[\"sub\"]", MetaData.class))
                .hasMessageContaining("MetaData");
    }

    @Test
    void metadataInsideAnotherValueIsReadToo() throws Exception {
        record Wrapped(MetaData metaData, String after) {
        }
        Wrapped wrapped = OURS.readValue("{\"metaData\":{\"sub\":\"ada\",\"n\":[1,2]},\"after\":\"x\"}", Wrapped.class);
        assertThat(wrapped.metaData()).isEqualTo(MetaData.with("sub", "ada").and("n", List.of(1, 2)));
        assertThat(wrapped.after()).isEqualTo("x");
    }
}
