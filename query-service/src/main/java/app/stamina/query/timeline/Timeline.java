package app.stamina.query.timeline;

import app.stamina.readmodel.MongoJson;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/** Every athlete's events, one document each, read a page at a time in version order. */
@Repository
public class Timeline {

    static final String COLLECTION = "timeline";

    private final MongoCollection<Document> entries;
    private final MongoJson mongoJson;

    public Timeline(MongoDatabase database, MongoJson mongoJson) {
        this.entries = database.getCollection(COLLECTION);
        this.mongoJson = mongoJson;
    }

    public void createIndexes() {
        entries.createIndex(Indexes.ascending("athleteId", "version"), new IndexOptions().unique(true));
    }

    public void saveAll(List<TimelineEntry> added) {
        if (added.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(added.size());
        for (TimelineEntry entry : added) {
            Document document = mongoJson.toDocument(entry);
            document.put("_id", entry.key());
            document.put("athleteId", entry.athleteId());
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", entry.key()), document, new ReplaceOptions().upsert(true)));
        }
        entries.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /** Up to {@code limit} entries after {@code afterVersion}, and whether more follow. */
    public Page page(String athleteId, long afterVersion, int limit) {
        List<TimelineEntry> found = new ArrayList<>(limit + 1);
        entries.find(Filters.and(Filters.eq("athleteId", athleteId), Filters.gt("version", afterVersion)))
                .sort(Sorts.ascending("version"))
                .limit(limit + 1)
                .forEach(document -> found.add(mongoJson.fromDocument(document, TimelineEntry.class)));
        boolean more = found.size() > limit;
        List<TimelineEntry> events = more ? found.subList(0, limit) : found;
        Long next = more ? events.getLast().version() : null;
        return new Page(List.copyOf(events), next);
    }

    public void deleteAll() {
        entries.deleteMany(new Document());
    }

    /** {@code GET /timeline}: {@code next} is the {@code after} of the next page, null at the end. */
    public record Page(List<TimelineEntry> events, Long next) {
    }
}
