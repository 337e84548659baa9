package app.stamina.command;

import app.stamina.api.envelope.Topics;
import app.stamina.api.event.EventRevisions;
import app.stamina.command.ledger.ClientWriteLedger;
import app.stamina.command.ledger.LedgerInterceptor;
import app.stamina.command.program.Refusal;
import app.stamina.command.relay.ActorMetaData;
import app.stamina.command.relay.CommandsOnly;
import app.stamina.command.relay.KafkaRelay;
import app.stamina.command.relay.MetaDataReader;
import app.stamina.command.store.EventStorage;
import app.stamina.command.store.EventStoreSchema;
import app.stamina.edge.EdgeConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.TopicBuilder;

import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The write side as a library: the command API, the {@code RehabProgram} aggregate and its event store on
 * PostgreSQL. A thin main runs it alone; {@code standalone} composes it with the read sides.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import(EdgeConfiguration.class)
@PropertySource("classpath:stamina-command-defaults.properties")
public class CommandServiceConfiguration {

    /** PostgreSQL's SQL state for a unique violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Events are stored with their current revision ({@code payloadRevision}, from {@link EventRevisions}), so that
     * {@code StoredEventUpcaster} knows an older row when it reads one.
     */
    @Bean
    RevisionResolver revisionResolver() {
        return payloadType -> EventRevisions.currentRevision(payloadType.getSimpleName());
    }

    /**
     * Keeps the {@code stamina.command.cached-programs} most recently used programs in memory (Caffeine, through
     * JCache, by reference); with snapshots, an athlete with 20,000 events loads like a new one. Axon's
     * {@code WeakReferenceCache} loses a program whenever a collection finds it unreferenced, several times a second
     * under load: in a profile of single-fact POSTs, loading programs (the snapshot and the events after it) took 8 %
     * of the request threads' CPU with it and 1.7 % with this.
     */
    @Bean
    Cache rehabProgramCache(javax.cache.Cache<Object, Object> loadedPrograms) {
        return new JCacheAdapter(loadedPrograms);
    }

    /** The cache itself, one per application context (two instances may share a JVM), closed with it. */
    @Bean
    javax.cache.Cache<Object, Object> loadedPrograms(@Value("${stamina.command.cached-programs}") long programs) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(programs));
        configuration.setStoreByValue(false);
        CacheManager caches = Caching.getCachingProvider(CaffeineCachingProvider.class.getName()).getCacheManager();
        return caches.createCache("rehab-programs-" + UUID.randomUUID(), configuration);
    }

    /**
     * Tells Axon which failed append is a concurrent write: PostgreSQL reports a unique violation with SQL state 23505
     * in a plain {@code PSQLException}, which the resolver Axon configures by default does not recognise (it looks for
     * {@code SQLIntegrityConstraintViolationException}). A program cached by one instance and written by another since
     * then fails its append with a {@code ConcurrencyException}, leaves the cache, and {@code ClientWrites} tries again
     * on what is stored; without this it was a 500.
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    SnapshotTriggerDefinition rehabProgramSnapshotTrigger(Snapshotter snapshotter,
                                                          @Value("${stamina.command.snapshot-threshold}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Axon's command bus, as auto-configured, except that a {@link Refusal} does not roll its unit of work back. A
     * rolled-back unit of work takes the program out of the cache, and the athlete's next write read it back: the
     * last snapshot and up to {@code snapshot-threshold} events after it. In a profile of a simulated study (300
     * athletes, 731 decisions refused) replaying those events took 9 % of the request threads. A refusal comes
     * before any event is applied, so there is nothing to undo; the client still gets the refusal.
     */
    @Bean
    SimpleCommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration configuration,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(configuration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"))
                .rollbackConfiguration(failure -> !(failure instanceof Refusal)
                        && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(failure))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return commandBus;
    }

    /** Axon registers every handler interceptor bean on the command bus, inside the unit of work's transaction. */
    @Bean
    LedgerInterceptor ledgerInterceptor(ClientWriteLedger ledger, ObjectMapper json) {
        return new LedgerInterceptor(ledger, json);
    }

    /**
     * Axon's token store, as auto-configured, but with an owner id of its own per running instance: the default
     * ({@code pid@host}) is the same for two instances in one JVM, which then both think they hold a claim.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }

    /**
     * Axon's event store, as auto-configured, but without its shared cache of the newest events: every event the relay
     * had not read yet stayed reachable from that cache, so a relay that fell behind (a study syncing faster than it
     * relays) held all of them in memory. At 10,000 athletes that was 265,000 events filling a 512 MB heap, until the
     * embedded broker missed its heartbeats. The relay is the store's one reader; it now reads from PostgreSQL in
     * batches as it goes. (Axon configures its JDBC storage engine only where no event store is defined, hence the
     * engine below, as Axon would configure it.)
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    /**
     * Axon's JDBC storage engine as its auto-configuration defines it when it defines the event store, with stored
     * timestamps read once ({@link EventStorage}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager) {
        return new EventStorage(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()));
    }

    /**
     * Every event a command produces records who made it (the correlation data of Axon's unit of work). Events cause
     * nothing through Axon here, so an event's unit of work takes none ({@link CommandsOnly}).
     */
    @Bean
    CorrelationDataProvider actorOnEveryEvent() {
        return new CommandsOnly(new SimpleCorrelationDataProvider(ActorMetaData.SUB, ActorMetaData.ROLE));
    }

    /** Axon's default correlation data (correlation and trace ids), kept beside the actor, also for commands only. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new CommandsOnly(new MessageOriginProvider());
    }

    /**
     * Events' metadata read by {@link MetaDataReader} instead of Axon's deserializer. Each of Axon's serializers
     * registers Axon's module on the one {@code ObjectMapper} as it is built, and the module registered last comes
     * first, so this waits for them.
     */
    @Bean
    SmartInitializingSingleton quickMetaDataReads(ObjectMapper json, List<Serializer> serializers) {
        return () -> json.registerModule(MetaDataReader.module());
    }

    /** The topic every event goes to. Kept forever: read models rebuild from it. */
    @Bean
    NewTopic eventsTopic(@Value("${stamina.kafka.partitions}") int partitions,
                         @Value("${stamina.kafka.replication-factor}") short replicationFactor) {
        return TopicBuilder.name(Topics.EVENTS).partitions(partitions).replicas(replicationFactor)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    /**
     * The relay is Axon's one event handler. It is no annotated handler ({@link KafkaRelay} says why), so Axon's
     * Spring support does not find it; its {@code @ProcessingGroup} still names its processor.
     */
    @Bean
    ConfigurerModule relayHandlesStoredEvents(KafkaRelay relay) {
        return configurer -> configurer.eventProcessing().registerEventHandler(configuration -> relay);
    }

    /** A relay failure must not be logged and skipped (Axon's default): it rolls the batch back to be sent again. */
    @Bean
    ConfigurerModule relayFailuresAreRetried() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                KafkaRelay.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    /** The tables (if missing) before anything runs. */
    @Bean
    SmartInitializingSingleton eventStoreSchema(DataSource dataSource) {
        return () -> EventStoreSchema.create(dataSource);
    }
}
