package app.stamina.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The same stores the pipeline uses, driven straight with their own drivers and the same kind of data, so that
 * each pipeline figure comes with the ceiling of the store beneath it.
 */
final class BareStores {

    private static final int BATCH = 100;

    private final Properties endpoints;
    private final int clients;
    private final Duration warmUp;
    private final Duration measure;

    BareStores(Properties endpoints, int clients, Duration warmUp, Duration measure) {
        this.endpoints = endpoints;
        this.clients = clients;
        this.warmUp = warmUp;
        this.measure = measure;
    }

    /** Event rows like the event store's, copied from a stored one, inserted in JDBC batches of 100. */
    Clients.Run postgresEventInserts() throws Exception {
        String url = endpoints.getProperty("postgres.url");
        String user = endpoints.getProperty("postgres.user");
        byte[][] template = new byte[2][];
        String payloadType;
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_events");
            statement.execute("create table bench_events (like domainevententry including all)");
            try (ResultSet row = statement.executeQuery(
                    "select payload, metadata, payloadtype from domainevententry where payloadtype like '%HoldCompleted' limit 1")) {
                row.next();
                template[0] = row.getBytes(1);
                template[1] = row.getBytes(2);
                payloadType = row.getString(3);
            }
        }
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(DriverManager.getConnection(url, user, ""));
        }
        try {
            return Clients.run(clients, warmUp, measure, (client, iteration) -> {
                Connection connection = connections.get(client);
                String aggregate = "bare-" + client + "-" + iteration;
                try (PreparedStatement insert = connection.prepareStatement("insert into bench_events (eventidentifier, "
                        + "aggregateidentifier, sequencenumber, type, timestamp, payloadtype, payload, metadata) "
                        + "values (?, ?, ?, 'RehabProgram', ?, ?, ?, ?)")) {
                    for (int i = 0; i < BATCH; i++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, i);
                        insert.setString(4, Instant.now().toString());
                        insert.setString(5, payloadType);
                        insert.setBytes(6, template[0]);
                        insert.setBytes(7, template[1]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return BATCH;
            });
        } finally {
            for (Connection connection : connections) {
                close(connection);
            }
        }
    }

    /** Envelopes copied from the topic, produced to a topic of the same shape with the relay's settings. */
    Clients.Run kafkaProduce(String eventsTopic) throws Exception {
        String bootstrap = endpoints.getProperty("kafka.bootstrap-servers");
        String envelope = firstRecord(bootstrap, eventsTopic);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            int partitions = admin.describeTopics(List.of(eventsTopic)).allTopicNames().get().get(eventsTopic).partitions().size();
            admin.createTopics(List.of(new NewTopic("bench.bare", partitions, (short) 1))).all().get();
        }
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            return Clients.run(clients, warmUp, measure, (client, iteration) -> {
                String key = "bare-" + client + "-" + (iteration % 50);
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    sent.add(producer.send(new ProducerRecord<>("bench.bare", key, envelope)));
                }
                for (Future<?> ack : sent) {
                    ack.get();
                }
                return BATCH;
            });
        }
    }

    /** Read-model documents copied from the query side, upserted by id in unordered bulks of 100. */
    Clients.Run mongoUpserts(String database, String collection) throws Exception {
        try (MongoClient mongo = MongoClients.create(endpoints.getProperty("mongodb.uri"))) {
            Document template = mongo.getDatabase(database).getCollection(collection).find().first();
            MongoCollection<Document> bare = mongo.getDatabase(database).getCollection("bench_bare");
            bare.drop();
            AtomicLong ids = new AtomicLong();
            return Clients.run(clients, warmUp, measure, (client, iteration) -> {
                List<WriteModel<Document>> writes = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    String id = "bare-" + (ids.incrementAndGet() % 20_000);
                    Document document = new Document(template);
                    document.put("_id", id);
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true)));
                }
                bare.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                return BATCH;
            });
        }
    }

    private static String firstRecord(String bootstrap, String topic) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-sample-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            consumer.subscribe(List.of(topic));
            for (int attempt = 0; attempt < 30; attempt++) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    return record.value();
                }
            }
        }
        throw new IllegalStateException("no record on " + topic + " to copy");
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing after the run; nothing to save
        }
    }
}
