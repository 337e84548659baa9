package app.stamina.command.program;

import app.stamina.api.Phase;
import app.stamina.api.command.EnrollAthlete;
import app.stamina.api.event.AthleteEnrolled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static app.stamina.command.program.Comeback.enroll;

class EnrollmentTest {

    private AggregateTestFixture<RehabProgram> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureSupport.programFixture();
    }

    @Test
    void enrollmentRecordsTheCohortAttributesAndStartsTheStaminaPhase() {
        EnrollAthlete enroll = enroll();
        fixture.givenNoPriorActivity()
                .when(enroll)
                .expectEvents(new AthleteEnrolled(enroll.eventId(), enroll.athleteId(), enroll.enrolledAt(),
                        enroll.birthYear(), enroll.sex(), enroll.condition(), enroll.surgery(), enroll.injuryDate(),
                        enroll.timeZone(), enroll.priorMaxima(), enroll.tags()))
                .expectResultMessagePayload(new Outcome.Enrolled(enroll.eventId(), 1, Phase.STAMINA));
    }

    @Test
    void enrollingTwiceIsRefused() {
        fixture.givenCommands(enroll())
                .when(enroll())
                .expectNoEvents()
                .expectException(AlreadyEnrolled.class);
    }
}
