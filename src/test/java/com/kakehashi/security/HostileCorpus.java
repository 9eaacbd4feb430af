package com.kakehashi.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * A generated corpus of hostile requests for every operation in the service's OpenAPI document:
 * hostile path ids, query values, whole bodies, body fields of the wrong type or out of range, and
 * wrong or missing Content-Types. Deterministic (seeded), so a failure is reproducible.
 */
final class HostileCorpus {
    /** One request to send. {@code role} picks the token; {@code null} body means none. */
    record Case(
            String method,
            String template,
            String path,
            String query,
            String contentType,
            byte[] body,
            String role,
            String what) {
        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " [" + what + ", role " + role + "]";
        }
    }

    static final List<String> PATH_VALUES = List.of(
            "not-a-uuid",
            "%00",
            "a%00b",
            "%E2%80%AE",
            "x".repeat(250),
            "2147483648",
            "..%2F..%2Fetc%2Fpasswd",
            "%F0%9F%98%80",
            "%27%20OR%201%3D1--",
            "%2e%2e");
    static final List<String> QUERY_VALUES = List.of(
            "2147483647",
            "-2147483649",
            "-1",
            "0",
            "%2B999999999-12-31T23:59:59Z",
            "-999999999-01-01T00:00:00Z",
            "2026-13-45",
            "%00",
            "a%00b",
            "",
            "1e309",
            "NaN",
            "x".repeat(1500),
            "99999999999999999999999",
            "12345678901234",
            "%FF%FE");
    static final List<String> WHOLE_BODIES = List.of(
            "",
            "null",
            "[]",
            "{",
            "5",
            "\"x\"",
            "true",
            "{\"a\":1,\"a\":2}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"x\":\"" + "A".repeat(200_000) + "\"}",
            "{\"x\":\"a\u0000b\"}",
            "{\"x\":\"\\u0000\"}",
            "{\"x\":\"\\uD800\"}",
            "1e999999",
            "{} {}",
            "\uFEFF{}");
    static final List<JsonNode> FIELD_VALUES;
    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/json; charset=EBCDIC",
            "garbage",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded");

    static {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> values = new ArrayList<>();
        for (String json : List.of(
                "5",
                "-1",
                "1.5",
                "true",
                "[]",
                "{}",
                "\"\"",
                "null",
                "\"\\u0000\"",
                "\"x\\u0000y\"",
                "\"+999999999-12-31T23:59:59Z\"",
                "1e400",
                "99999999999999999999999",
                "\"" + "9".repeat(40) + "\"",
                "\"" + "𠮷".repeat(30) + "\"",
                "\"-0\"",
                "\"1e3\"",
                "\" \"",
                "[null]",
                "\"2026-02-30T00:00:00Z\"")) {
            try {
                values.add(mapper.readTree(json));
            } catch (Exception e) {
                throw new IllegalStateException(json, e);
            }
        }
        FIELD_VALUES = List.copyOf(values);
    }

    private final JsonNode openApi;
    private final Function<String, String> realIdFor;
    private final Random random = new Random(20261128L);
    private final ObjectMapper mapper = new ObjectMapper();

    /** @param realIdFor a real id for a path template (so checks past "not found" are reached), or null */
    HostileCorpus(JsonNode openApi, Function<String, String> realIdFor) {
        this.openApi = openApi;
        this.realIdFor = realIdFor;
    }

    List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths =
                openApi.path("paths").properties().iterator();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations =
                    path.getValue().properties().iterator();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> op = operations.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    cases.addAll(casesFor(method, path.getKey(), op.getValue()));
                }
            }
        }
        return cases;
    }

    private List<Case> casesFor(String method, String template, JsonNode op) {
        List<Case> cases = new ArrayList<>();
        String role = roleOf(op);
        String realPath = fill(template, realIdFor.apply(template));
        Body valid = validBody(op);
        for (String value : PATH_VALUES) {
            if (template.contains("{")) {
                cases.add(new Case(
                        method,
                        template,
                        fill(template, value),
                        "",
                        valid.type,
                        valid.bytes,
                        role,
                        "path id " + abbreviate(value)));
            }
        }
        for (JsonNode param : op.path("parameters")) {
            if ("query".equals(param.path("in").asText())) {
                for (String value : QUERY_VALUES) {
                    cases.add(new Case(
                            method,
                            template,
                            realPath,
                            param.path("name").asText() + "=" + value,
                            valid.type,
                            valid.bytes,
                            role,
                            "query " + param.path("name").asText() + "=" + abbreviate(value)));
                }
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return cases;
        }
        if (content.has("application/json")) {
            JsonNode schema = resolve(content.path("application/json").path("schema"));
            for (String body : WHOLE_BODIES) {
                cases.add(new Case(
                        method,
                        template,
                        realPath,
                        "",
                        "application/json",
                        utf8(body),
                        role,
                        "body " + abbreviate(body)));
            }
            ObjectNode skeleton = skeleton(schema, 0);
            for (List<String> field : fields(schema, List.of(), 0)) {
                for (JsonNode value : FIELD_VALUES) {
                    ObjectNode mutated = skeleton.deepCopy();
                    put(mutated, field, value);
                    cases.add(new Case(
                            method,
                            template,
                            realPath,
                            "",
                            "application/json",
                            utf8(mutated.toString()),
                            role,
                            "field " + String.join(".", field) + "=" + abbreviate(value.toString())));
                }
            }
            for (String type : CONTENT_TYPES) {
                cases.add(new Case(
                        method, template, realPath, "", type, utf8(skeleton.toString()), role, "content type " + type));
            }
            cases.add(
                    new Case(method, template, realPath, "", null, utf8(skeleton.toString()), role, "no content type"));
        } else {
            Iterator<String> types = content.fieldNames();
            while (types.hasNext()) {
                String type = types.next();
                for (byte[] file : hostileFiles()) {
                    cases.add(new Case(
                            method,
                            template,
                            realPath,
                            query(op),
                            type,
                            file,
                            role,
                            type + " file of " + file.length + " bytes"));
                }
            }
            cases.add(new Case(method, template, realPath, query(op), null, utf8("a,b\n"), role, "file without type"));
        }
        return cases;
    }

    /** Files as a careless or hostile bank might send them. */
    private List<byte[]> hostileFiles() {
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        return List.of(
                new byte[0],
                new byte[] {0, 0, 0, 0},
                noise,
                utf8("X,=cmd|' /C calc'!A0\n=1+1,@SUM(A1),-2,+3\n"),
                utf8("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>"),
                utf8("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;"
                        + "&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"),
                utf8("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>\u0000"),
                utf8("currency,amount\n" + "JPY,".repeat(1) + "9".repeat(400) + "\n"),
                utf8("\uFEFF\u0000,\u0000\n"),
                "Ａ,Ｂ\n円,元\n".getBytes(java.nio.charset.Charset.forName("Shift_JIS")));
    }

    private static String query(JsonNode op) {
        for (JsonNode param : op.path("parameters")) {
            if ("query".equals(param.path("in").asText())
                    && "format".equals(param.path("name").asText())) {
                return "format=bank-csv";
            }
        }
        return "";
    }

    private String roleOf(JsonNode op) {
        for (JsonNode requirement : op.path("security")) {
            Iterator<JsonNode> scopes = requirement.elements();
            while (scopes.hasNext()) {
                JsonNode roles = scopes.next();
                if (roles.isArray() && !roles.isEmpty()) {
                    return roles.get(0).asText();
                }
            }
        }
        return "operator";
    }

    private record Body(String type, byte[] bytes) {}

    private Body validBody(JsonNode op) {
        JsonNode json = op.path("requestBody").path("content").path("application/json");
        if (json.isMissingNode()) {
            return new Body(null, null);
        }
        return new Body(
                "application/json",
                utf8(skeleton(resolve(json.path("schema")), 0).toString()));
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    /** A plausible but harmless body: every declared field present with a neutral value of its type. */
    private ObjectNode skeleton(JsonNode schema, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> properties =
                resolve(schema).path("properties").properties().iterator();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode type = resolve(property.getValue());
            switch (type.path("type").asText("object")) {
                case "string" ->
                    node.put(
                            property.getKey(),
                            switch (type.path("format").asText("")) {
                                case "uuid" -> UUID.randomUUID().toString();
                                case "date-time" -> "2026-11-25T03:00:00Z";
                                case "date" -> "2026-11-25";
                                default -> "x";
                            });
                case "integer", "number" -> node.put(property.getKey(), 1);
                case "boolean" -> node.put(property.getKey(), true);
                case "array" -> node.putArray(property.getKey());
                default ->
                    node.set(
                            property.getKey(),
                            depth < 3 ? skeleton(type, depth + 1) : JsonNodeFactory.instance.objectNode());
            }
        }
        return node;
    }

    /** Paths to every field, nested objects included ("amount.amount"). */
    private List<List<String>> fields(JsonNode schema, List<String> prefix, int depth) {
        List<List<String>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> properties =
                resolve(schema).path("properties").properties().iterator();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            List<String> path = new ArrayList<>(prefix);
            path.add(property.getKey());
            fields.add(path);
            JsonNode type = resolve(property.getValue());
            if (depth < 2 && type.has("properties")) {
                fields.addAll(fields(type, path, depth + 1));
            }
        }
        return fields;
    }

    private static void put(ObjectNode root, List<String> path, JsonNode value) {
        ObjectNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode child = node.get(path.get(i));
            node = child instanceof ObjectNode object ? object : node.putObject(path.get(i));
        }
        node.set(path.get(path.size() - 1), value);
    }

    private static String fill(String template, String value) {
        return template.replaceAll(
                "\\{[^}]+}",
                java.util.regex.Matcher.quoteReplacement(
                        value == null ? UUID.randomUUID().toString() : value));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…(" + text.length() + ")" : text;
    }

    Map<String, Integer> countByOperation(List<Case> cases) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        cases.forEach(c -> counts.merge(c.method() + " " + c.template(), 1, Integer::sum));
        return counts;
    }
}
