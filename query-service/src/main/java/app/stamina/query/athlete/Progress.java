package app.stamina.query.athlete;

import app.stamina.api.Load;
import app.stamina.api.Milestone;
import app.stamina.api.Phase;
import app.stamina.api.ProtocolRules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code GET /progress}: where an athlete stands today, and one sentence on what comes next. */
public record Progress(String athleteId, long version, Phase phase, Stamina stamina, List<LiftProgress> lifts,
                       String nextStep) {

    static final String GATE_HOLD = "hold-120s";
    static final String GATE_LOADED = "asymmetric-hold";
    static final String GATE_SESSIONS = "weekly-sessions";

    public record Stamina(int bestHoldSeconds, List<Milestone> milestones, int weeklySessionTarget,
                          int sessionsThisWeek, Gate gate) {
    }

    public record Gate(boolean met, List<String> missing) {
    }

    public record LiftProgress(String lift, Load workingLoad, boolean eligibleForIncrease, Load nextMaxLoad) {
    }

    /** The athlete's progress on {@code today}, a date in their own zone. */
    public static Progress of(AthleteView view, ProtocolRules rules, LocalDate today) {
        LocalDate thisWeek = today.with(DayOfWeek.MONDAY);
        List<Milestone> reached = view.milestones();
        Gate gate = gate(view, reached, rules, thisWeek);
        Stamina stamina = new Stamina(view.bestHoldSeconds(), reached, weeklyTarget(view, rules, thisWeek),
                sessions(view, thisWeek), gate);
        List<LiftProgress> lifts = view.lifts().entrySet().stream()
                .map(e -> new LiftProgress(e.getKey(), e.getValue().workingLoad(), e.getValue().readyForMore(),
                        e.getValue().nextMaxLoad()))
                .toList();
        Phase phase = view.paused() ? Phase.PAUSED : view.phase();
        return new Progress(view.athleteId(), view.version(), phase, stamina, lifts,
                nextStep(view, reached, rules, gate));
    }

    /**
     * 1 in the first week; one more (up to the maximum) after each complete week that met its target. A week with
     * no sessions has no figures and never meets a target, so only the weeks with figures are looked at.
     */
    static int weeklyTarget(AthleteView view, ProtocolRules rules, LocalDate thisWeek) {
        int target = 1;
        if (view.enrolledAt() == null) {
            return target;
        }
        LocalDate firstWeek = view.dayOf(view.enrolledAt()).with(DayOfWeek.MONDAY);
        if (!firstWeek.isBefore(thisWeek)) {
            return target;
        }
        for (WeekFigures week : view.weeks().subMap(firstWeek, true, thisWeek, false).values()) {
            if (week.sessions() >= target) {
                target = Math.min(rules.stamina().maxWeeklySessionTarget(), target + 1);
            }
        }
        return target;
    }

    private static int sessions(AthleteView view, LocalDate week) {
        WeekFigures figures = view.weeks().get(week);
        return figures == null ? 0 : figures.sessions();
    }

    private static Gate gate(AthleteView view, List<Milestone> reached, ProtocolRules rules, LocalDate thisWeek) {
        if (view.phase() == Phase.STRENGTH) {
            return new Gate(true, List.of());
        }
        List<String> missing = new ArrayList<>();
        if (!reached.contains(Milestone.HOLD_120S)) {
            missing.add(GATE_HOLD);
        }
        if (!reached.contains(Milestone.ASYMMETRIC_HOLD)) {
            missing.add(GATE_LOADED);
        }
        int needed = rules.stamina().gateSessionsPerWeek();
        if (gateSessions(view, thisWeek) < needed || gateSessions(view, thisWeek.minusWeeks(1)) < needed) {
            missing.add(GATE_SESSIONS);
        }
        return new Gate(false, missing);
    }

    private static int gateSessions(AthleteView view, LocalDate week) {
        WeekFigures figures = view.weeks().get(week);
        return figures == null ? 0 : figures.sessionsAfter(view.freshStart());
    }

    private static String nextStep(AthleteView view, List<Milestone> reached, ProtocolRules rules, Gate gate) {
        if (view.paused()) {
            return "Your program is paused after red-flag symptoms: see your clinician before you train again.";
        }
        if (view.phase() == Phase.STRENGTH) {
            return strengthStep(view.lifts(), rules);
        }
        ProtocolRules.Stamina stamina = rules.stamina();
        if (!reached.contains(Milestone.HOLD_60S)) {
            return "Hold a neutral spine for " + stamina.hold60sSeconds() + " seconds, without pain above "
                    + rules.painCeiling() + ".";
        }
        if (!reached.contains(Milestone.HOLD_90S)) {
            return "Build your unloaded hold up to " + stamina.hold90sSeconds() + " seconds.";
        }
        if (!reached.contains(Milestone.HOLD_120S)) {
            return "Build your unloaded hold up to " + stamina.hold120sSeconds() + " seconds.";
        }
        if (!reached.contains(Milestone.LOADED_HOLD)) {
            return "Hold " + stamina.loadedHoldSeconds() + " seconds with a symmetric load, such as a weighted vest.";
        }
        if (!reached.contains(Milestone.ASYMMETRIC_HOLD)) {
            return "Hold " + stamina.asymmetricHoldSeconds()
                    + " seconds with a load held out on the left, and again on the right.";
        }
        return gate.missing().contains(GATE_SESSIONS)
                ? "Train on " + stamina.gateSessionsPerWeek() + " days a week, two weeks in a row, to open the strength phase."
                : "One more counted hold opens the strength phase.";
    }

    private static String strengthStep(Map<String, LiftStatus> lifts, ProtocolRules rules) {
        for (Map.Entry<String, LiftStatus> lift : lifts.entrySet()) {
            if (lift.getValue().readyForMore()) {
                return "Your " + lift.getKey() + " is ready for more: go up to at most "
                        + lift.getValue().nextMaxLoad().describe() + ".";
            }
        }
        if (lifts.isEmpty()) {
            return "Set a first working load for each lift, at most "
                    + rules.strength().firstLoadMaxFraction().movePointRight(2).stripTrailingZeros().toPlainString()
                    + " % of your pre-injury maximum.";
        }
        Map.Entry<String, LiftStatus> first = lifts.entrySet().iterator().next();
        ProtocolRules.Strength strength = rules.strength();
        return "Stay at " + first.getValue().workingLoad().describe() + " on the " + first.getKey() + ": "
                + strength.eligibilitySessions() + " sessions of " + strength.eligibilitySets() + " sets of "
                + strength.eligibilityReps() + " reps, every rep in command and without a belt, before it goes up.";
    }
}
