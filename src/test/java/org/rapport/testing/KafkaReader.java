package org.rapport.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its beginning, as a funder's system would, until it has what a test waits for. */
public final class KafkaReader {

    private KafkaReader() {
    }

    public static List<ConsumerRecord<String, byte[]>> readUntil(String topic,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough, Duration timeout) {
        var props = new Properties();
        props.put("bootstrap.servers", System.getProperty(LocalInfrastructure.KAFKA));
        props.put("group.id", "test-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("enable.auto.commit", "false");
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            var deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !enough.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static Map<String, String> ids(List<ConsumerRecord<String, byte[]>> records) {
        var ids = new java.util.LinkedHashMap<String, String>();
        records.forEach(r -> ids.put(header(r, "ce_id"), r.key()));
        return ids;
    }
}
