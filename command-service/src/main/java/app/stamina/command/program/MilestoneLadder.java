package app.stamina.command.program;

import app.stamina.api.Milestone;
import app.stamina.api.Placement;
import app.stamina.api.ProtocolRules;
import app.stamina.api.event.HoldCompleted;

import java.util.ArrayList;
import java.util.List;

/**
 * The milestones a counted hold reaches, in order: 60, 90 and 120 s unloaded, then a symmetric loaded hold, then
 * loaded holds on the left and on the right. A single long hold may climb several rungs at once.
 */
final class MilestoneLadder {

    private MilestoneLadder() {
    }

    static List<Milestone> reachedBy(HoldCompleted hold, StaminaLadder ladder, ProtocolRules.Stamina rules) {
        List<Milestone> reached = new ArrayList<>();
        if (!hold.countsTowardProgress()) {
            return reached;
        }
        int seconds = hold.durationSeconds();
        if (!hold.hasLoad()) {
            climb(reached, ladder, Milestone.HOLD_60S, seconds >= rules.hold60sSeconds());
            climb(reached, ladder, Milestone.HOLD_90S, seconds >= rules.hold90sSeconds());
            climb(reached, ladder, Milestone.HOLD_120S, seconds >= rules.hold120sSeconds());
            return reached;
        }
        boolean fresh = ladder.isAfterFreshStart(hold.occurredAt().toInstant());
        climb(reached, ladder, Milestone.LOADED_HOLD,
                fresh && hold.placement() == Placement.SYMMETRIC && seconds >= rules.loadedHoldSeconds());
        if (ladder.has(Milestone.LOADED_HOLD) && fresh) {
            int left = hold.placement() == Placement.LEFT ? Math.max(seconds, ladder.bestLeftSeconds()) : ladder.bestLeftSeconds();
            int right = hold.placement() == Placement.RIGHT ? Math.max(seconds, ladder.bestRightSeconds()) : ladder.bestRightSeconds();
            climb(reached, ladder, Milestone.ASYMMETRIC_HOLD,
                    left >= rules.asymmetricHoldSeconds() && right >= rules.asymmetricHoldSeconds());
        }
        return reached;
    }

    /** Reaches {@code milestone} when earned, not yet held, and every rung below it is held or reached just now. */
    private static void climb(List<Milestone> reached, StaminaLadder ladder, Milestone milestone, boolean earned) {
        if (!earned || ladder.has(milestone)) {
            return;
        }
        int rung = milestone.ordinal();
        boolean below = rung == 0 || ladder.has(Milestone.values()[rung - 1]) || reached.contains(Milestone.values()[rung - 1]);
        if (below) {
            reached.add(milestone);
        }
    }
}
