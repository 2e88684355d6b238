package org.rapport.publish;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rapport.eventstore.StoredEvent;

/**
 * Stored events as CloudEvents 1.0 Kafka records in binary mode: the attributes in {@code ce_*}
 * headers, the event's data (in its current schema version) as the value, the partnership id as
 * the key so each partnership's events stay in order on one partition.
 */
public final class EventRecords {

    public static final String TYPE_PREFIX = "org.rapport.partnership.";

    private EventRecords() {
    }

    public static ProducerRecord<String, byte[]> record(String topic, StoredEvent e) {
        var event = CloudEventBuilder.v1()
                .withId(e.eventId().toString())
                .withType(ceType(e.type(), e.schemaVersion()))
                .withSource(URI.create("/partnerships/" + e.partnershipId()))
                .withSubject(e.partnershipId().toString())
                .withTime(e.occurredAt().atOffset(ZoneOffset.UTC))
                .withExtension("streamversion", e.version())
                .withExtension("position", e.position())
                .withExtension("recordedby", e.recordedBy())
                .withExtension("recordedat", e.recordedAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(e.data().toString().getBytes(StandardCharsets.UTF_8));
        if (e.correlationId() != null) {
            event.withExtension("correlationid", e.correlationId().toString());
        }
        // The CloudEvents distributed tracing extension: ce_traceparent and ce_tracestate headers.
        if (e.traceparent() != null) {
            event.withExtension("traceparent", e.traceparent());
        }
        if (e.tracestate() != null) {
            event.withExtension("tracestate", e.tracestate());
        }
        return KafkaMessageFactory.<String>createWriter(topic, e.partnershipId().toString())
                .writeBinary(event.build());
    }

    /** {@code MeetingHeld} v1 becomes {@code org.rapport.partnership.meeting-held.v1}. */
    public static String ceType(String type, int schemaVersion) {
        return TYPE_PREFIX + type.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase() + ".v" + schemaVersion;
    }
}
