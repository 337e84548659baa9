package app.stamina.query.athlete;

import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.VersionedDocuments;
import com.mongodb.client.MongoDatabase;
import org.springframework.stereotype.Repository;

/** The athlete documents of the query service, each replaced only by a newer version of itself. */
@Repository
public class AthleteViews extends VersionedDocuments<AthleteView> {

    static final String COLLECTION = "athletes";

    public AthleteViews(MongoDatabase database, MongoJson mongoJson) {
        super(database.getCollection(COLLECTION), mongoJson, AthleteView.class);
    }
}
