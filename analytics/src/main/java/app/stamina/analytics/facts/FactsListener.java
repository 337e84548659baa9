package app.stamina.analytics.facts;

import java.util.Collection;

/** Told about the research documents this instance has just written. */
public interface FactsListener {

    void written(Collection<AthleteFacts> athletes);
}
