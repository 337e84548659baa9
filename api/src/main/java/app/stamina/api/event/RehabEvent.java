package app.stamina.api.event;

import app.stamina.api.AthleteId;

import java.time.OffsetDateTime;

/**
 * Everything that can happen in an athlete's program. Facts (a hold, a rep, a setback) are recorded with the
 * protocol's verdict; decisions (a working load, an increase, a resume) are recorded only when the protocol allows
 * them; the rest follows from one of those and names it in {@code causedBy}.
 */
public sealed interface RehabEvent permits AthleteEnrolled, HoldCompleted, MilestoneReached, StrengthPhaseUnlocked,
        RepConfirmed, WorkingLoadSet, LoadIncreased, LiftStatusChanged, SetbackReported, LoadDecreased,
        ReturnedToStaminaPhase, ProgramPaused, ProgramResumed {

    AthleteId athleteId();

    /** When it happened: the client's instant for facts, the moment of the decision for decisions. */
    OffsetDateTime occurredAt();
}
