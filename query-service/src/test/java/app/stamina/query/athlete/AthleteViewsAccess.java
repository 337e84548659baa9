package app.stamina.query.athlete;

import app.stamina.api.ProtocolRules;

import java.time.LocalDate;

/** Lets tests outside this package read a stored view the way the API does. */
public final class AthleteViewsAccess {

    private AthleteViewsAccess() {
    }

    public static Progress progress(AthleteView view, String today) {
        return Progress.of(view, ProtocolRules.defaults(), LocalDate.parse(today));
    }

    public static boolean keeps(AthleteViews views, String athleteId) {
        return views.keeps(athleteId);
    }

    public static StaminaTrend trend(AthleteView view) {
        return StaminaTrend.of(view, null, null);
    }
}
