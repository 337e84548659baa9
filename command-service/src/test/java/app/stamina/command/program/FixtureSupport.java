package app.stamina.command.program;

import app.stamina.api.ProtocolRules;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** A fixture for one athlete's program with the protocol's default numbers. */
final class FixtureSupport {

    private FixtureSupport() {
    }

    static AggregateTestFixture<RehabProgram> programFixture() {
        AggregateTestFixture<RehabProgram> fixture = new AggregateTestFixture<>(RehabProgram.class);
        fixture.registerInjectableResource(ProtocolRules.defaults());
        return fixture;
    }
}
