package org.rapport.publish;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka producer (idempotent, acks=all) and the topics it writes to, created on first use
 * with the configured partitions and replication; health topics are compacted.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> config;
    private final KafkaSettings settings;
    private final Set<String> knownTopics = ConcurrentHashMap.newKeySet();
    private KafkaProducer<String, byte[]> producer;
    private Admin admin;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> config, KafkaSettings settings) {
        this.config = config;
        this.settings = settings;
    }

    public synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            var props = new HashMap<>(config);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /**
     * Drops the producer after a failed batch: an idempotent producer whose sequence broke (a
     * broker restart, a batch expired) stays broken, so the batch is sent again by a new one.
     */
    public synchronized void resetProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    /** Creates the topic unless it is known to exist. */
    public void ensureTopic(String topic) throws InterruptedException, ExecutionException {
        if (knownTopics.contains(topic)) {
            return;
        }
        var newTopic = new NewTopic(topic, settings.partitions(), settings.replicationFactor());
        if (topic.endsWith(Topics.HEALTH)) {
            newTopic.configs(Map.of("cleanup.policy", "compact"));
        }
        try {
            admin().createTopics(List.of(newTopic)).all().get(10, TimeUnit.SECONDS);
            awaitLeaders(topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("topic " + topic + " could not be created in time", e);
        }
        knownTopics.add(topic);
    }

    /**
     * A topic just created has no partition leaders for a moment, and the records sent meanwhile
     * come back with retriable errors the producer logs; the first batch waits for them instead.
     */
    private void awaitLeaders(String topic) throws InterruptedException, ExecutionException {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                var description = admin().describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                        .get(topic);
                if (description != null && description.partitions().stream().allMatch(p -> p.leader() != null
                        && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // Not described yet: ask again.
            }
            Thread.sleep(100);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            var props = new HashMap<>(config);
            props.put("request.timeout.ms", 10_000);
            props.put("default.api.timeout.ms", 10_000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(5));
        }
    }
}
