package app.stamina.analytics.facts;

import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.VersionedDocuments;
import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Repository;

/** The research documents, one per athlete, each replaced only by a newer version of itself. */
@Repository
public class AthleteFactsStore extends VersionedDocuments<AthleteFacts> {

    static final String COLLECTION = "athleteFacts";

    public AthleteFactsStore(MongoDatabase database, MongoJson mongoJson) {
        super(database.getCollection(COLLECTION), mongoJson, AthleteFacts.class);
    }
}
