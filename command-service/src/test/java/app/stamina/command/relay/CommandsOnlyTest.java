package app.stamina.command.relay;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsOnlyTest {

    @Test
    void aCommandGivesItsEventsTheActorAndItsOrigin() {
        Message<?> command = GenericCommandMessage.asCommandMessage("record a hold")
                .andMetaData(Map.of(ActorMetaData.SUB, "nurse-ann", ActorMetaData.ROLE, "clinician", "other", "x"));

        Map<String, ?> actor = new CommandsOnly(
                new SimpleCorrelationDataProvider(ActorMetaData.SUB, ActorMetaData.ROLE)).correlationDataFor(command);
        Map<String, ?> origin = new CommandsOnly(new MessageOriginProvider()).correlationDataFor(command);

        assertThat(actor).isEqualTo(Map.of(ActorMetaData.SUB, "nurse-ann", ActorMetaData.ROLE, "clinician"));
        assertThat(origin).isEqualTo(new MessageOriginProvider().correlationDataFor(command)).isNotEmpty();
    }

    @Test
    void anEventGivesNothingAndItsMetadataIsNotRead() {
        Message<?> event = new GenericEventMessage<>("hold completed", MetaData.with(ActorMetaData.SUB, "nurse-ann")) {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("an event's metadata was read for correlation data");
            }
        };

        assertThat(new CommandsOnly(new SimpleCorrelationDataProvider(ActorMetaData.SUB)).correlationDataFor(event))
                .isEmpty();
        assertThat(new CommandsOnly(new MessageOriginProvider()).correlationDataFor(event)).isEmpty();
    }
}
