package app.stamina.query.athlete;

import app.stamina.readmodel.MongoJson;
import app.stamina.readmodel.VersionedDocuments;
import app.stamina.readmodel.VersionedWrites;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoDatabase;
import org.bson.RawBsonDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The athlete documents of the query service, each replaced only by a newer version of itself.
 * <p>
 * It also keeps in memory the documents of the athletes this instance's projector wrote since its consumers last
 * got their partitions, as the BSON it stored: while the partitions stay, no other instance writes those athletes,
 * so what it wrote last is what MongoDB holds. Those used most are kept, up to
 * {@code stamina.query.written-views-memory}, each weighed by the size of its stored BSON, so that the bound follows
 * the heap rather than a count of athletes. Reads answered from them skip the round trip to MongoDB (half of what a
 * {@code GET /progress} cost), and so does the projector, which applies the next events to a copy read from them. A
 * document is read into a view only when it is read, once per version, and from then on only that view is kept. A
 * document of such an athlete that was let go to make room is kept again when it is read from MongoDB, once it is
 * used more than the one it would make room for, so the athletes read most stay in memory, not only those written
 * last. Whenever partitions move, or the read models are emptied, all are forgotten; a document whose write lost to
 * another writer's is forgotten too, and read again from MongoDB.
 */
@Repository
public class AthleteViews extends VersionedDocuments<AthleteView> {

    static final String COLLECTION = "athletes";

    private final Cache<String, Written> written;
    /** Whom this instance wrote since its partitions last moved, in memory or not: no one else writes them. */
    private final Set<String> writtenHere = ConcurrentHashMap.newKeySet();
    /** How many times all was forgotten: a read from MongoDB begun before then must not keep what it read. */
    private final AtomicLong forgotten = new AtomicLong();

    @Autowired
    public AthleteViews(MongoDatabase database, MongoJson mongoJson,
                        @Value("${stamina.query.written-views-memory}") String keptMemory) {
        this(database, mongoJson, KeptMemory.bytes(keptMemory, Runtime.getRuntime().maxMemory()));
    }

    /** Documents kept in memory up to {@code keptBytes} of stored BSON. */
    public AthleteViews(MongoDatabase database, MongoJson mongoJson, long keptBytes) {
        super(database.getCollection(COLLECTION), mongoJson, AthleteView.class);
        // Room is made on the thread that adds, at once, so the bound holds at every moment.
        this.written = Caffeine.newBuilder().maximumWeight(keptBytes)
                .weigher((String id, Written kept) -> kept.size).executor(Runnable::run).build();
    }

    @Override
    protected void afterWrite(RawBsonDocument stored) {
        Written newer = new Written(stored);
        writtenHere.add(newer.id());
        written.asMap().merge(newer.id(), newer, Written::newer);
    }

    @Override
    protected void afterLost(Set<String> ids) {
        writtenHere.removeAll(ids);
        written.invalidateAll(ids);
    }

    /**
     * The athlete's newest document: as this instance last wrote it, or as MongoDB holds it. Read from MongoDB, it is
     * kept in memory again if this instance wrote the athlete since its partitions last moved.
     */
    public Optional<AthleteView> findNewest(String id) {
        Written kept = written.getIfPresent(id);
        if (kept != null) {
            return Optional.of(kept.view());
        }
        long forgottenBefore = forgotten.get();
        Optional<Written> stored = findStored(id).map(document -> new Written(document, read(document)));
        stored.ifPresent(read -> keepRead(read, forgottenBefore));
        return stored.map(Written::view);
    }

    /** Keeps a document read from MongoDB, unless all was forgotten since or another writer may write it. */
    private void keepRead(Written read, long forgottenBefore) {
        written.asMap().compute(read.id(), (id, present) -> {
            if (forgotten.get() != forgottenBefore || !writtenHere.contains(id)) {
                return present;
            }
            return present == null ? read : present.newer(read);
        });
    }

    /**
     * The documents as this instance last wrote them, or as MongoDB holds them; each a view of its own, which the
     * caller may change.
     */
    @Override
    public Map<String, AthleteView> findAll(Collection<String> ids) {
        Map<String, AthleteView> found = new HashMap<>();
        List<String> notKept = new ArrayList<>();
        for (String id : ids) {
            Written kept = written.getIfPresent(id);
            if (kept != null) {
                found.put(id, kept.read());
            } else {
                notKept.add(id);
            }
        }
        if (!notKept.isEmpty()) {
            found.putAll(super.findAll(notKept));
        }
        return found;
    }

    /** Whether the athlete's document is in memory (without counting as a use of it). */
    boolean keeps(String id) {
        return written.asMap().containsKey(id);
    }

    /** How many documents are in memory. */
    public long keptDocuments() {
        return written.estimatedSize();
    }

    /** The stored size of the documents in memory, which their bound applies to. */
    public long keptBytes() {
        return written.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** Partitions moved: from now on another instance may write any athlete. */
    public void forgetWritten() {
        forgotten.incrementAndGet();
        writtenHere.clear();
        written.invalidateAll();
    }

    @Override
    public void deleteAll() {
        forgetWritten();
        super.deleteAll();
    }

    /**
     * A document as it was stored, read the way a read from MongoDB reads it (numbers as stored, {@code 10} for
     * {@code 10.0}), so an answer reads the same from memory as from the store. It is kept in one form at a time:
     * the BSON until it is first read, then the view read from it (a little smaller than the BSON, 5 to 8 KB for
     * half a year); keeping both doubled the memory of the query side's largest part.
     */
    private final class Written {

        private final String id;
        private final long version;
        /** The size of its stored BSON, which the view read from it takes a little less than. */
        private final int size;
        private volatile RawBsonDocument stored;
        private volatile AthleteView view;

        Written(RawBsonDocument stored) {
            this.id = stored.getString(VersionedWrites.ID).getValue();
            this.version = stored.getNumber(VersionedWrites.VERSION).longValue();
            this.size = sizeOf(stored);
            this.stored = stored;
        }

        /** A document read back from MongoDB, kept only as the view read from it. */
        Written(RawBsonDocument stored, AthleteView read) {
            this.id = read.id();
            this.version = read.version();
            this.size = sizeOf(stored);
            this.view = read;
        }

        private static int sizeOf(RawBsonDocument stored) {
            return stored.getByteBuffer().remaining();
        }

        /** This or {@code other}, whichever is the later version. */
        Written newer(Written other) {
            return other.version > version ? other : this;
        }

        String id() {
            return id;
        }

        /** The view reads share, read once. */
        AthleteView view() {
            AthleteView read = view;
            if (read != null) {
                return read;
            }
            RawBsonDocument document = stored;
            if (document == null) {
                return view;
            }
            read = AthleteViews.this.read(document);
            view = read;
            stored = null;
            return read;
        }

        /** A view of its own. */
        AthleteView read() {
            AthleteView shared = view;
            if (shared != null) {
                return shared.copy();
            }
            RawBsonDocument document = stored;
            return document != null ? AthleteViews.this.read(document) : view.copy();
        }
    }
}
