package app.stamina.standalone;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * mongo-java-server's H2 backend with five changes that the embedded default needs to lose nothing and keep up:
 * <ul>
 *   <li>It commits the MVStore after every command that changes data, before the client hears it succeeded (the
 *   stock backend commits about once a second and ignores write concerns, so a kill lost acknowledged writes).</li>
 *   <li>A commit waits for the write commands under way and holds new ones back while it runs, and the store never
 *   commits by itself in the background. A command changes a collection's documents and each of its indexes one
 *   map at a time: a commit in the middle of another thread's command kept a document without its index entry (or
 *   the other way round), and after a kill the projection writing over that document found its version in one and
 *   not the other, and tried again for ever.</li>
 *   <li>Documents and index keys are stored as BSON. The stock maps use H2's generic type, which falls back to Java
 *   serialization for both, and compares index keys by serializing them: in the benchmark profile, most of the
 *   server's time went there.</li>
 *   <li>Collections do not keep the total size of their documents, which cost an encoding of every document written
 *   just to measure it.</li>
 *   <li>A query that reads through a collection reads it batch by batch as the client asks, instead of matching and
 *   holding every document first.</li>
 * </ul>
 * Maps are opened with these types before the stock database code asks for them by name, so it finds them open.
 */
final class BsonH2Backend extends H2Backend {

    /** Map names of the H2 backend's layout: a collection's documents, and a collection's unique index. */
    private static final String DOCUMENTS_PREFIX = "databases.";
    private static final String INDEX_INFIX = "._index_";
    /** A collection's map of metadata (its data size, which this backend does not keep). */
    private static final String META_PREFIX = "meta.";
    /** The backend of the database being constructed: its constructor opens collections before its fields are set. */
    private static final ThreadLocal<BsonH2Backend> CONSTRUCTING = new ThreadLocal<>();
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "drop", "dropdatabase", "dropindexes", "create", "renamecollection");

    /** How often a commit also rewrites chunks left mostly empty, which H2's own background thread did. */
    private static final long COMPACT_EVERY_NANOS = 10_000_000_000L;
    private static final int COMPACT_BELOW_FILL_PERCENT = 50;
    private static final int COMPACT_BYTES = 4 << 20;

    /** Shared by the write commands under way, taken alone by a commit. */
    private final ReentrantReadWriteLock commits = new ReentrantReadWriteLock(true);
    private long lastCompacted = System.nanoTime();

    private BsonH2Backend(MVStore store) {
        super(store);
    }

    /**
     * A backend on the store in {@code file}, which keeps no old versions (so the file does not grow with them) and
     * commits only when this backend says so: neither after a delay nor when unsaved changes grow large, each of
     * which could fall in the middle of a command. Existing maps are opened with the BSON types first.
     */
    static BsonH2Backend open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        store.setRetentionTime(0);
        store.getMapNames().forEach(name -> openTyped(store, name));
        return new BsonH2Backend(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Lock writing = commits.readLock();
        writing.lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            writing.unlock();
            commitWholeCommands();
        }
    }

    /**
     * Commits everything written so far, once no write command is half done. A write that failed part way (an
     * unordered bulk write with a duplicate key) is committed as far as it went, as a reader already sees it.
     * Whoever commits first takes the changes of the writes that finished before it; the others find nothing left.
     */
    private void commitWholeCommands() {
        Lock committing = commits.writeLock();
        committing.lock();
        try {
            commit();
            if (System.nanoTime() - lastCompacted > COMPACT_EVERY_NANOS) {
                lastCompacted = System.nanoTime();
                if (getMvStore().compact(COMPACT_BELOW_FILL_PERCENT, COMPACT_BYTES)) {
                    commit();
                }
            }
        } finally {
            committing.unlock();
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        CONSTRUCTING.set(this);
        try {
            return new BsonH2Database(databaseName, getMvStore(), getCursorRegistry());
        } finally {
            CONSTRUCTING.remove();
        }
    }

    private static void openTyped(MVStore store, String name) {
        if (name.startsWith(DOCUMENTS_PREFIX)) {
            openDocuments(store, name);
        } else if (name.contains(INDEX_INFIX)) {
            store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
        }
    }

    private static MVMap<Object, Document> openDocuments(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
    }

    /** Opens the maps of collections and indexes made after start with the BSON types, then lets H2 use them. */
    private static final class BsonH2Database extends H2Database {

        private final MVStore store;
        private final CursorRegistry cursors;

        BsonH2Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
            this.cursors = cursors;
        }

        private MVStore store() {
            return store != null ? store : CONSTRUCTING.get().getMvStore();
        }

        private CursorRegistry cursors() {
            return cursors != null ? cursors : CONSTRUCTING.get().getCursorRegistry();
        }

        /** As the stock database opens a collection, with the BSON type and without keeping its data size. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String name = getFullCollectionNamespace(collectionName);
            return new UncountedCollection(this, collectionName, options, openDocuments(store(), DOCUMENTS_PREFIX + name),
                    store().openMap(META_PREFIX + name), cursors());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            openTyped(store(), getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /**
     * The stock collection, without the running total of its documents' sizes (collStats' {@code size}): keeping it
     * encoded every document written once more to measure it, twice for an update, and wrote the total to the
     * metadata map in each command, an eighth of the server's time under the pipeline's writes. Nothing reads it.
     */
    private static final class UncountedCollection extends H2Collection {

        private final MVMap<Object, Document> documents;

        UncountedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, documents, meta, cursors);
            this.documents = documents;
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /**
         * A query that no index answers, in no order but the store's and with a batch size, reads the documents
         * batch by batch as the client asks for them ({@link Scan}). The stock collection matched every document
         * first and kept the rest of the answer in the cursor: an export of 10,000 research documents held all of
         * them as {@code Document} trees at once, and ran a 512 MB process out of heap. Sorted, skipped or
         * projected queries are answered as before.
         */
        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            boolean inStoreOrder = orderBy == null || orderBy.keySet().isEmpty();
            boolean whole = fieldSelector == null || fieldSelector.keySet().isEmpty();
            if (!inStoreOrder || !whole || numberToSkip > 0 || batchSize <= 0) {
                return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
            Scan scan = new Scan(cursorRegistry.generateCursorId(), query, limit > 0 ? limit : Integer.MAX_VALUE);
            List<Document> first = scan.takeDocuments(batchSize);
            if (scan.isEmpty()) {
                return new QueryResult(first);
            }
            cursorRegistry.add(scan);
            return new QueryResult(first, scan);
        }

        /**
         * The rest of a scan, read on when the client asks for more. Each batch starts a cursor of its own on the
         * store's current version after the last key read (the store keeps no old versions to hold one cursor
         * open on), so, as with MongoDB's own cursors, a document written during the scan is read as it is when its
         * batch is read, and one inserted behind the scan is not read.
         */
        private final class Scan extends AbstractCursor {

            private final Document query;
            private int remaining;
            private Object lastKey;
            private boolean done;

            Scan(long id, Document query, int limit) {
                super(id);
                this.query = query;
                this.remaining = limit;
            }

            @Override
            public synchronized boolean isEmpty() {
                return done;
            }

            @Override
            public synchronized List<Document> takeDocuments(int numberToReturn) {
                List<Document> batch = new ArrayList<>(Math.min(numberToReturn, 1000));
                Cursor<Object, Document> cursor = documents.cursor(lastKey);
                boolean skipLast = lastKey != null;
                while (batch.size() < numberToReturn && remaining > 0 && cursor.hasNext()) {
                    Object key = cursor.next();
                    if (skipLast) {
                        skipLast = false;
                        if (key.equals(lastKey)) {
                            continue;
                        }
                    }
                    lastKey = key;
                    Document document = cursor.getValue();
                    if (documentMatchesQuery(document, query)) {
                        batch.add(document);
                        remaining--;
                    }
                }
                done = remaining == 0 || !cursor.hasNext();
                return batch;
            }
        }
    }

    /** A document as its BSON bytes. */
    static final class DocumentType extends BasicDataType<Document> {

        static final DocumentType INSTANCE = new DocumentType();

        @Override
        public int getMemory(Document document) {
            return estimatedMemory(document);
        }

        @Override
        public void write(WriteBuffer out, Document document) {
            ByteBuf bson = Unpooled.buffer(256);
            BsonEncoder.encodeDocument(document, bson);
            out.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
        }

        @Override
        public Document read(ByteBuffer in) {
            ByteBuf bson = Unpooled.wrappedBuffer(in.slice());
            Document document = BsonDecoder.decodeBson(bson);
            in.position(in.position() + bson.readerIndex());
            return document;
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }
    }

    /**
     * A unique index's key, the values of its fields, as a BSON document {@code {"v": [...]}}. Keys are ordered as
     * MongoDB orders values; the stock type ordered them by their serialized bytes.
     */
    static final class IndexKeyType extends BasicDataType<KeyValue> {

        static final IndexKeyType INSTANCE = new IndexKeyType();
        private static final String VALUES = "v";

        @Override
        public int compare(KeyValue a, KeyValue b) {
            int sizes = Integer.compare(a.size(), b.size());
            for (int i = 0; sizes == 0 && i < a.size(); i++) {
                int values = ValueComparator.asc().compare(a.get(i), b.get(i));
                if (values != 0) {
                    return values;
                }
            }
            return sizes;
        }

        @Override
        public int getMemory(KeyValue key) {
            int memory = 24;
            for (Object value : key) {
                memory += estimatedMemory(value);
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer out, KeyValue key) {
            List<Object> values = new ArrayList<>(key.size());
            key.forEach(values::add);
            DocumentType.INSTANCE.write(out, new Document(VALUES, values));
        }

        @Override
        public KeyValue read(ByteBuffer in) {
            return new KeyValue((Collection<?>) DocumentType.INSTANCE.read(in).get(VALUES));
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }

    /** Roughly what a value takes on the heap, for the MVStore's cache accounting. */
    private static int estimatedMemory(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = 48;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += 32 + estimatedMemory(entry.getKey()) + estimatedMemory(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = 40;
            for (Object element : values) {
                memory += 8 + estimatedMemory(element);
            }
            return memory;
        }
        if (value instanceof String text) {
            return 40 + text.length();
        }
        return 24;
    }
}
