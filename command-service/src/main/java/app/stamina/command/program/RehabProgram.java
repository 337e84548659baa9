package app.stamina.command.program;

import app.stamina.api.AthleteId;
import app.stamina.api.ErrorCode;
import app.stamina.api.Lift;
import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.PriorMax;
import app.stamina.api.ProtocolRules;
import app.stamina.api.Reason;
import app.stamina.api.Severity;
import app.stamina.api.command.ConfirmRep;
import app.stamina.api.command.EnrollAthlete;
import app.stamina.api.command.FactCommand;
import app.stamina.api.command.IncreaseLoad;
import app.stamina.api.command.RecordHold;
import app.stamina.api.command.RecordOfflineSession;
import app.stamina.api.command.ReportSetback;
import app.stamina.api.command.ResumeProgram;
import app.stamina.api.command.SetWorkingLoad;
import app.stamina.api.event.AthleteEnrolled;
import app.stamina.api.event.HoldCompleted;
import app.stamina.api.event.LoadDecreased;
import app.stamina.api.event.LiftStatusChanged;
import app.stamina.api.event.LoadIncreased;
import app.stamina.api.event.MilestoneReached;
import app.stamina.api.event.ProgramPaused;
import app.stamina.api.event.ProgramResumed;
import app.stamina.api.event.RepConfirmed;
import app.stamina.api.event.ReturnedToStaminaPhase;
import app.stamina.api.event.SetbackReported;
import app.stamina.api.event.StrengthPhaseUnlocked;
import app.stamina.api.event.WorkingLoadSet;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One athlete's rehab program. Facts (holds, reps, setbacks) are always recorded with the protocol's verdict;
 * decisions (working loads, increases, resuming) are refused when the protocol does not allow them. State changes
 * only in the event-sourcing handlers, so a snapshot or a replay gives the same program.
 */
@Aggregate(cache = "rehabProgramCache", snapshotTriggerDefinition = "rehabProgramSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RehabProgram {

    @AggregateIdentifier
    private AthleteId athleteId;
    private ZoneId zone;
    private Instant enrolledAt;
    private Map<String, Load> priorMaxima = new TreeMap<>();
    /** Stamina or strength; a pause sits on top of it and a resume returns to it. */
    private Phase phase;
    private boolean paused;
    private StaminaLadder ladder = new StaminaLadder();
    private Map<String, LiftTrack> lifts = new TreeMap<>();

    protected RehabProgram() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome.Enrolled handle(EnrollAthlete command) {
        if (athleteId != null) {
            throw new AlreadyEnrolled(command.athleteId().value());
        }
        apply(new AthleteEnrolled(command.eventId(), command.athleteId(), command.enrolledAt(), command.birthYear(),
                command.sex(), command.condition(), command.surgery(), command.injuryDate(), command.timeZone(),
                command.priorMaxima(), command.tags()));
        return new Outcome.Enrolled(command.eventId(), version(), currentPhase());
    }

    @CommandHandler
    public Outcome.HoldRecorded handle(RecordHold command, ProtocolRules rules) {
        return recordHold(command, rules);
    }

    @CommandHandler
    public Outcome.RepRecorded handle(ConfirmRep command, ProtocolRules rules) {
        return confirmRep(command, rules);
    }

    @CommandHandler
    public Outcome.SetbackRecorded handle(ReportSetback command, ProtocolRules rules) {
        return reportSetback(command, rules);
    }

    /** Every fact of the session in order; a malformed one is answered on its own and the rest go on. */
    @CommandHandler
    public List<FactResult> handle(RecordOfflineSession command, ProtocolRules rules) {
        List<FactResult> results = new ArrayList<>(command.facts().size());
        for (FactCommand fact : command.facts()) {
            try {
                Outcome outcome = switch (fact) {
                    case RecordHold hold -> recordHold(hold, rules);
                    case ConfirmRep rep -> confirmRep(rep, rules);
                    case ReportSetback setback -> reportSetback(setback, rules);
                };
                results.add(new FactResult.Recorded(outcome));
            } catch (MalformedFact malformed) {
                results.add(new FactResult.Rejected(fact.eventId(), malformed.field(), malformed.getMessage()));
            }
        }
        return results;
    }

    @CommandHandler
    public Outcome.WorkingLoadAccepted handle(SetWorkingLoad command, ProtocolRules rules) {
        assertNotPaused();
        assertStrengthPhaseFor(command.lift(), rules);
        LiftTrack lift = lifts.get(command.lift().code());
        if (lift != null && lift.hasWorkingLoad()) {
            throw ProtocolRefusal.of(ErrorCode.WORKING_LOAD_ALREADY_SET, command.lift() + " already has a working load of "
                    + lift.workingLoad().describe() + "; ask for a load increase instead");
        }
        FirstLoadRule.check(command.load(), priorMaxima.get(command.lift().code()), rules);
        apply(new WorkingLoadSet(command.eventId(), athleteId, command.requestedAt(), command.lift(), command.load()));
        reportStatus(command.lift(), command.requestedAt(), command.eventId(), rules);
        return new Outcome.WorkingLoadAccepted(command.eventId(), version(), command.lift(), command.load());
    }

    @CommandHandler
    public Outcome.LoadIncreaseAccepted handle(IncreaseLoad command, ProtocolRules rules) {
        assertNotPaused();
        assertStrengthPhaseFor(command.lift(), rules);
        LiftTrack lift = lifts.get(command.lift().code());
        if (lift == null || !lift.hasWorkingLoad()) {
            throw ProtocolRefusal.of(ErrorCode.NO_WORKING_LOAD,
                    command.lift() + " has no working load yet; set a first working load instead");
        }
        Load from = lift.workingLoad();
        if (!command.toLoad().isHeavierThan(from)) {
            throw new MalformedFact("toLoad", "must be heavier than the working load of " + from.describe());
        }
        List<String> missing = ReadyForMore.missing(lift, rules.strength());
        if (!missing.isEmpty()) {
            ProtocolRules.Strength strength = rules.strength();
            throw ProtocolRefusal.withMissing(ErrorCode.NOT_IN_COMMAND_YET, "before more load, the last "
                    + strength.eligibilitySessions() + " sessions at " + from.describe() + " each need "
                    + strength.eligibilitySets() + " sets of " + strength.eligibilityReps()
                    + " reps, every rep in command, no belt, pain at most " + rules.painCeiling(), missing);
        }
        BabyStepRule.check(from, command.toLoad(), rules);
        apply(new LoadIncreased(command.eventId(), athleteId, command.requestedAt(), command.lift(), from,
                command.toLoad()));
        reportStatus(command.lift(), command.requestedAt(), command.eventId(), rules);
        return new Outcome.LoadIncreaseAccepted(command.eventId(), version(), command.lift(), from, command.toLoad());
    }

    @CommandHandler
    public Outcome.Resumed handle(ResumeProgram command) {
        if (!paused) {
            throw ProtocolRefusal.of(ErrorCode.PROGRAM_NOT_PAUSED, "the program is not paused");
        }
        apply(new ProgramResumed(command.eventId(), athleteId, command.requestedAt(), command.note(), phase));
        return new Outcome.Resumed(command.eventId(), version(), currentPhase());
    }

    private Outcome.HoldRecorded recordHold(RecordHold command, ProtocolRules rules) {
        assertAfterEnrollment(command);
        List<Reason> reasons = HoldVerdict.reasons(command, ladder.has(Milestone.HOLD_120S), rules);
        HoldCompleted hold = new HoldCompleted(command.eventId(), athleteId, command.occurredAt(),
                command.durationSeconds(), command.load(), command.placement(), command.neutralHeld(), command.pain(),
                reasons.isEmpty(), reasons);
        List<Milestone> milestones = MilestoneLadder.reachedBy(hold, ladder, rules.stamina());
        apply(hold);
        milestones.forEach(m -> apply(new MilestoneReached(athleteId, hold.occurredAt(), m, hold.eventId())));
        if (phase == Phase.STAMINA && !paused && StrengthGate.opensWith(hold, ladder, zone, rules.stamina())) {
            apply(new StrengthPhaseUnlocked(athleteId, hold.occurredAt(), hold.eventId()));
        }
        return new Outcome.HoldRecorded(command.eventId(), version(), hold.countsTowardProgress(), reasons, milestones,
                currentPhase());
    }

    private Outcome.RepRecorded confirmRep(ConfirmRep command, ProtocolRules rules) {
        assertAfterEnrollment(command);
        List<Reason> reasons = RepVerdict.reasons(command, phase, lifts.get(command.lift().code()), rules);
        List<Reason> warnings = RepVerdict.warnings(command);
        apply(new RepConfirmed(command.eventId(), athleteId, command.occurredAt(), command.lift(), command.set(),
                command.rep(), command.load(), command.inCommand(), command.beltUsed(), command.pain(),
                reasons.isEmpty(), reasons, warnings));
        reportStatus(command.lift(), command.occurredAt(), command.eventId(), rules);
        return new Outcome.RepRecorded(command.eventId(), version(), reasons.isEmpty(), reasons, warnings);
    }

    private Outcome.SetbackRecorded reportSetback(ReportSetback command, ProtocolRules rules) {
        assertAfterEnrollment(command);
        SetbackReported setback = SetbackReported.of(command.eventId(), athleteId, command.occurredAt(),
                command.severity(), command.symptoms(), command.note());
        apply(setback);
        List<String> consequences = new ArrayList<>(List.of("eligibility-reset"));
        if (command.severity() == Severity.MODERATE) {
            BigDecimal keep = BigDecimal.ONE.subtract(rules.setbacks().moderateDropFraction());
            lifts.forEach((code, lift) -> {
                if (lift.hasWorkingLoad() && rules.strength().isGated(Lift.of(code))) {
                    Load from = lift.workingLoad();
                    Load to = rules.plates().largestWithin(from.kg().multiply(keep), from.unit(), BigDecimal.ZERO);
                    apply(new LoadDecreased(athleteId, command.occurredAt(), Lift.of(code), from, to, command.eventId()));
                    consequences.add("load-decreased:" + code);
                }
            });
        }
        lifts.keySet().stream().toList()
                .forEach(code -> reportStatus(Lift.of(code), command.occurredAt(), command.eventId(), rules));
        if (command.severity() == Severity.SEVERE) {
            apply(new ReturnedToStaminaPhase(athleteId, command.occurredAt(), command.eventId()));
            consequences.add("returned-to-stamina");
        }
        if (!setback.redFlags().isEmpty() && !paused) {
            apply(new ProgramPaused(athleteId, command.occurredAt(), setback.redFlags(), command.eventId()));
            consequences.add("program-paused");
        }
        return new Outcome.SetbackRecorded(command.eventId(), version(), consequences, currentPhase());
    }

    /** Tells the read sides where a lift stands now, when that differs from what they were last told. */
    private void reportStatus(Lift lift, OffsetDateTime at, UUID causedBy, ProtocolRules rules) {
        LiftTrack track = lifts.get(lift.code());
        if (track == null || !track.hasWorkingLoad()) {
            return;
        }
        Load load = track.workingLoad();
        LiftTrack.Status status = new LiftTrack.Status(load, ReadyForMore.missing(track, rules.strength()).isEmpty(),
                BabyStepRule.largestStepFrom(load, load.unit(), rules));
        if (!status.equals(track.reported())) {
            apply(new LiftStatusChanged(athleteId, at, lift, status.workingLoad(), status.readyForMore(),
                    status.nextMaxLoad(), causedBy));
        }
    }

    private void assertAfterEnrollment(FactCommand fact) {
        if (fact.occurredAt().toInstant().isBefore(enrolledAt)) {
            throw new MalformedFact("occurredAt", "is before the athlete's enrollment at " + enrolledAt);
        }
    }

    /** While paused, every decision is refused before any other rule is looked at. */
    private void assertNotPaused() {
        if (paused) {
            throw ProtocolRefusal.of(ErrorCode.PROGRAM_PAUSED,
                    "the program is paused after red-flag symptoms; a clinician must resume it first");
        }
    }

    private void assertStrengthPhaseFor(Lift lift, ProtocolRules rules) {
        if (phase == Phase.STAMINA && rules.strength().isGated(lift)) {
            throw ProtocolRefusal.of(ErrorCode.STAMINA_BEFORE_STRENGTH,
                    lift + " loads the spine and waits for the strength phase");
        }
    }

    private Phase currentPhase() {
        return paused ? Phase.PAUSED : phase;
    }

    private static long version() {
        return AggregateLifecycle.getVersion() + 1;
    }

    @EventSourcingHandler
    void on(AthleteEnrolled event) {
        athleteId = event.athleteId();
        zone = event.timeZone();
        enrolledAt = event.occurredAt().toInstant();
        for (PriorMax max : event.priorMaxima()) {
            priorMaxima.put(max.lift().code(), max.load());
        }
        phase = Phase.STAMINA;
    }

    @EventSourcingHandler
    void on(HoldCompleted event) {
        ladder.record(event, zone);
    }

    @EventSourcingHandler
    void on(MilestoneReached event) {
        ladder.reach(event.milestone());
    }

    @EventSourcingHandler
    void on(StrengthPhaseUnlocked event) {
        phase = Phase.STRENGTH;
    }

    @EventSourcingHandler
    void on(RepConfirmed event) {
        LiftTrack lift = lifts.get(event.lift().code());
        if (lift == null || event.reasons().contains(Reason.OFF_WORKING_LOAD)
                || event.reasons().contains(Reason.STAMINA_BEFORE_STRENGTH)) {
            return;
        }
        EnumSet<Reason> flaws = EnumSet.noneOf(Reason.class);
        flaws.addAll(event.reasons());
        lift.recordRep(dayOf(event.occurredAt()), event.set(), event.rep(), flaws);
    }

    @EventSourcingHandler
    void on(WorkingLoadSet event) {
        lifts.computeIfAbsent(event.lift().code(), code -> new LiftTrack()).changeWorkingLoad(event.load());
    }

    @EventSourcingHandler
    void on(LoadIncreased event) {
        lifts.get(event.lift().code()).changeWorkingLoad(event.toLoad());
    }

    @EventSourcingHandler
    void on(LiftStatusChanged event) {
        lifts.get(event.lift().code()).report(
                new LiftTrack.Status(event.workingLoad(), event.readyForMore(), event.nextMaxLoad()));
    }

    @EventSourcingHandler
    void on(SetbackReported event) {
        lifts.values().forEach(LiftTrack::startEligibilityAgain);
    }

    @EventSourcingHandler
    void on(LoadDecreased event) {
        lifts.get(event.lift().code()).changeWorkingLoad(event.toLoad());
    }

    @EventSourcingHandler
    void on(ReturnedToStaminaPhase event) {
        phase = Phase.STAMINA;
        ladder.startAfresh(event.occurredAt().toInstant());
    }

    @EventSourcingHandler
    void on(ProgramPaused event) {
        paused = true;
    }

    @EventSourcingHandler
    void on(ProgramResumed event) {
        paused = false;
    }

    private LocalDate dayOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }
}
