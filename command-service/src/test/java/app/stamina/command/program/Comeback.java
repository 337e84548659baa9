package app.stamina.command.program;

import app.stamina.api.AthleteId;
import app.stamina.api.Condition;
import app.stamina.api.ErrorCode;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Placement;
import app.stamina.api.PriorMax;
import app.stamina.api.Severity;
import app.stamina.api.Sex;
import app.stamina.api.Surgery;
import app.stamina.api.Symptom;
import app.stamina.api.command.ConfirmRep;
import app.stamina.api.command.EnrollAthlete;
import app.stamina.api.command.IncreaseLoad;
import app.stamina.api.command.RecordHold;
import app.stamina.api.command.ReportSetback;
import app.stamina.api.command.ResumeProgram;
import app.stamina.api.command.SetWorkingLoad;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A comeback told as commands: Ada enrolls on Monday 2 November 2026 in Amsterdam with a 315 lb deadlift behind her.
 * Week 1 is 2 to 8 November, week 2 is 9 to 15 November.
 */
final class Comeback {

    static final AthleteId ADA = AthleteId.of("ada");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final OffsetDateTime ENROLLED_AT = OffsetDateTime.parse("2026-11-02T09:00:00+01:00");

    private Comeback() {
    }

    static EnrollAthlete enroll() {
        return new EnrollAthlete(ADA, UUID.randomUUID(), 1988, Sex.FEMALE, Condition.HERNIATED_DISC, Surgery.NONE,
                LocalDate.parse("2026-06-01"), AMSTERDAM, ENROLLED_AT,
                List.of(new PriorMax(Lift.DEADLIFT, Load.lb("315"))), List.of("study:lbp-2026", "arm:B"));
    }

    /** Evening of a day in November 2026, Amsterdam time. */
    static OffsetDateTime nov(int day) {
        return OffsetDateTime.parse("2026-11-%02dT18:00:00+01:00".formatted(day));
    }

    static RecordHold hold(OffsetDateTime at, int seconds) {
        return new RecordHold(ADA, UUID.randomUUID(), at, seconds, null, Placement.NONE, true, 1);
    }

    static RecordHold loadedHold(OffsetDateTime at, int seconds, Placement placement) {
        return new RecordHold(ADA, UUID.randomUUID(), at, seconds, Load.kg("10"), placement, true, 1);
    }

    static RecordHold painfulHold(OffsetDateTime at, int seconds, int pain) {
        return new RecordHold(ADA, UUID.randomUUID(), at, seconds, null, Placement.NONE, true, pain);
    }

    /** Three 125 s sessions in week 1, then the loaded holds in week 2: the strength gate opens on Friday the 13th. */
    static List<Object> toTheStrengthPhase() {
        return List.of(enroll(),
                hold(nov(2), 125), hold(nov(4), 125), hold(nov(6), 125),
                loadedHold(nov(9), 65, Placement.SYMMETRIC),
                loadedHold(nov(11), 62, Placement.LEFT),
                loadedHold(nov(13), 61, Placement.RIGHT));
    }

    /** The strength phase with a 135 lb working deadlift. */
    static List<Object> withDeadliftAt135lb() {
        List<Object> commands = new ArrayList<>(toTheStrengthPhase());
        commands.add(setWorkingLoad(Lift.DEADLIFT, Load.lb("135")));
        return commands;
    }

    static SetWorkingLoad setWorkingLoad(Lift lift, Load load) {
        return new SetWorkingLoad(ADA, UUID.randomUUID(), lift, load, nov(14));
    }

    static IncreaseLoad increase(Lift lift, Load to) {
        return new IncreaseLoad(ADA, UUID.randomUUID(), lift, to, nov(25));
    }

    static ConfirmRep rep(OffsetDateTime at, int set, int rep, Load load) {
        return new ConfirmRep(ADA, UUID.randomUUID(), at, Lift.DEADLIFT, set, rep, load, true, false, 1);
    }

    static ConfirmRep beltedRep(OffsetDateTime at, int set, int rep, Load load) {
        return new ConfirmRep(ADA, UUID.randomUUID(), at, Lift.DEADLIFT, set, rep, load, true, true, 1);
    }

    /** A full session: {@code sets} sets of {@code reps} clean reps of the deadlift at {@code load}. */
    static List<Object> session(OffsetDateTime at, int sets, int reps, Load load) {
        return session(Lift.DEADLIFT, at, sets, reps, load);
    }

    static List<Object> session(Lift lift, OffsetDateTime at, int sets, int reps, Load load) {
        List<Object> commands = new ArrayList<>();
        for (int set = 1; set <= sets; set++) {
            for (int r = 1; r <= reps; r++) {
                commands.add(new ConfirmRep(ADA, UUID.randomUUID(), at.plusMinutes(set * 10L + r), lift, set, r, load,
                        true, false, 1));
            }
        }
        return commands;
    }

    static ReportSetback setback(OffsetDateTime at, Severity severity, Symptom... symptoms) {
        return new ReportSetback(ADA, UUID.randomUUID(), at, severity, List.of(symptoms), "felt a twinge");
    }

    static ResumeProgram resume() {
        return new ResumeProgram(ADA, UUID.randomUUID(), "seen in clinic, cleared", nov(20));
    }

    @SafeVarargs
    static List<Object> concat(List<Object>... parts) {
        List<Object> all = new ArrayList<>();
        for (List<Object> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /** The command's result is an outcome of {@code type} for which {@code check} holds. */
    static <T> Matcher<Object> outcome(Class<T> type, String what, Predicate<T> check) {
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object payload) {
                return type.isInstance(payload) && check.test(type.cast(payload));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " where " + what);
            }
        };
    }

    static Matcher<Object> reaches(List<Milestone> milestones) {
        return outcome(Outcome.HoldRecorded.class, "milestonesReached is " + milestones,
                hold -> hold.milestonesReached().equals(milestones));
    }

    static Matcher<ProtocolRefusal> refusedWith(ErrorCode code) {
        return refusedWith(code, Map.of());
    }

    /** A refusal with this code whose details include {@code details} (loads compared by weight and unit). */
    static Matcher<ProtocolRefusal> refusedWith(ErrorCode code, Map<String, Object> details) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ProtocolRefusal refusal) {
                return refusal.code() == code && details.entrySet().stream()
                        .allMatch(d -> d.getValue().equals(refusal.details().get(d.getKey())));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + code.code() + " with " + details);
            }

            @Override
            protected void describeMismatchSafely(ProtocolRefusal refusal, Description mismatch) {
                mismatch.appendText("was " + refusal.code().code() + " with " + refusal.details() + ": "
                        + refusal.getMessage());
            }
        };
    }
}
