package app.stamina.query.timeline;

import app.stamina.api.envelope.EventEnvelope;
import app.stamina.readmodel.DecodedBatch.Decoded;
import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.VersionedWrites;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Every athlete's events in pages of {@value TimelinePage#SIZE} by version, one document a page: a batch from the
 * topic appends its events to the few pages they fall in (reading only their versions, so a redelivered event is
 * not appended twice) instead of writing a document per event, and a read fetches pages by id.
 */
@Repository
public class Timeline {

    static final String COLLECTION = "timelinePages";
    private static final String EVENTS = "events";

    private final MongoCollection<Document> pages;
    private final VersionedWrites writes;
    private final MongoJson mongoJson;

    public Timeline(MongoDatabase database, MongoJson mongoJson) {
        this.pages = database.getCollection(COLLECTION);
        this.writes = new VersionedWrites(pages);
        this.mongoJson = mongoJson;
    }

    /** Appends a batch's events, grouped by athlete in topic order, to the pages they belong in. */
    public void applyAll(Map<String, List<Decoded>> byAthlete) {
        Map<String, List<EventEnvelope>> byPage = new LinkedHashMap<>();
        byAthlete.forEach((athleteId, events) -> events.forEach(decoded -> byPage
                .computeIfAbsent(TimelinePage.idOf(athleteId, decoded.envelope().version()), id -> new ArrayList<>())
                .add(decoded.envelope())));
        Map<String, List<EventEnvelope>> pending = byPage;
        while (!pending.isEmpty()) {
            Map<String, Long> stored = writes.versions(pending.keySet());
            List<VersionedWrites.Write> batch = new ArrayList<>();
            pending.forEach((id, envelopes) -> {
                long at = stored.getOrDefault(id, 0L);
                long last = at;
                List<TimelineEntry> added = new ArrayList<>();
                for (EventEnvelope envelope : envelopes) {
                    if (envelope.version() > last) {
                        added.add(TimelineEntry.of(envelope));
                        last = envelope.version();
                    }
                }
                if (added.isEmpty()) {
                    return;
                }
                batch.add(stored.containsKey(id)
                        ? VersionedWrites.update(id, at, last, Updates.combine(
                                Updates.pushEach(EVENTS, added.stream().map(mongoJson::toBson).toList()),
                                Updates.set(VersionedWrites.VERSION, last)))
                        : VersionedWrites.insert(id, last, mongoJson.toBson(TimelinePage.of(id, last, added))));
            });
            Set<String> lost = writes.writeAll(batch);
            pending = byPage.entrySet().stream().filter(entry -> lost.contains(entry.getKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    /** Up to {@code limit} entries after {@code afterVersion}, and whether more follow. */
    public Page page(String athleteId, long afterVersion, int limit) {
        // The first page holds at least the first entry wanted, the next ones the rest and the one that says more follow.
        long first = TimelinePage.pageOf(afterVersion + 1);
        long count = 1 + (limit + TimelinePage.SIZE - 1) / TimelinePage.SIZE;
        List<String> ids = LongStream.range(first, first + count)
                .mapToObj(page -> TimelinePage.id(athleteId, page)).toList();
        List<TimelinePage> found = new ArrayList<>();
        pages.withDocumentClass(RawBsonDocument.class).find(Filters.in(VersionedWrites.ID, ids))
                .forEach(document -> found.add(mongoJson.fromBson(document, TimelinePage.class)));
        List<TimelineEntry> entries = found.stream()
                .sorted(Comparator.comparingLong(TimelinePage::page))
                .flatMap(page -> page.events().stream())
                .filter(entry -> entry.version() > afterVersion)
                .limit(limit + 1L)
                .toList();
        boolean more = entries.size() > limit;
        List<TimelineEntry> events = more ? entries.subList(0, limit) : entries;
        Long next = more ? events.getLast().version() : null;
        return new Page(List.copyOf(events), next);
    }

    public void deleteAll() {
        writes.clear();
    }

    /** {@code GET /timeline}: {@code next} is the {@code after} of the next page, null at the end. */
    public record Page(List<TimelineEntry> events, Long next) {
    }
}
