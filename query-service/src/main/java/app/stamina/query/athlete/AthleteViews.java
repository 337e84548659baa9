package app.stamina.query.athlete;

import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.VersionedDocuments;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The athlete documents of the query service, each replaced only by a newer version of itself.
 * <p>
 * It also keeps in memory the documents this instance's projector wrote since its consumers last got their
 * partitions (up to {@code stamina.query.written-views}, the most recently used): while the partitions stay, no
 * other instance writes those athletes, so what it wrote last is what MongoDB holds. A read answered from them
 * skips the round trip to MongoDB and reading the document into an object (done once instead, as the projector
 * stores it), half of what a {@code GET /progress} cost. Whenever partitions move, or the read models are emptied,
 * they are forgotten.
 */
@Repository
public class AthleteViews extends VersionedDocuments<AthleteView> {

    static final String COLLECTION = "athletes";

    private final Cache<String, AthleteView> written;

    public AthleteViews(MongoDatabase database, MongoJson mongoJson,
                        @Value("${stamina.query.written-views}") long writtenViews) {
        super(database.getCollection(COLLECTION), mongoJson, AthleteView.class);
        this.written = Caffeine.newBuilder().maximumSize(writtenViews).build();
    }

    /**
     * Keeps the document as a read from MongoDB would give it (numbers as stored, {@code 10} for {@code 10.0}), so
     * an answer reads the same from memory as from the store.
     */
    @Override
    protected void afterWrite(RawBsonDocument stored) {
        AthleteView view = read(MongoJson.asDocument(stored));
        written.asMap().merge(view.id(), view, (kept, newer) -> newer.version() > kept.version() ? newer : kept);
    }

    /** The athlete's newest document: as this instance last wrote it, or as MongoDB holds it. */
    public Optional<AthleteView> findNewest(String id) {
        AthleteView view = written.getIfPresent(id);
        return view != null ? Optional.of(view) : find(id);
    }

    /** Partitions moved: from now on another instance may write any athlete. */
    public void forgetWritten() {
        written.invalidateAll();
    }

    @Override
    public void deleteAll() {
        forgetWritten();
        super.deleteAll();
    }
}
