package com.kakehashi.common.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Makes the generated OpenAPI document say what the service answers, so clients generated from it work:
 * <ul>
 * <li>every error response (4xx, 5xx, and a {@code default} for the ones not listed) is
 * {@code application/problem+json} with the {@code Problem} schema;</li>
 * <li>creating calls document {@code 201 Created} (and {@code 200} where a repeat answers "already there");</li>
 * <li>the {@code Idempotency-Key} header is required where it is read;</li>
 * <li>an operation that documents no success body gets one (a free-form JSON object, or the file types it
 * produces), so no operation lacks a response schema.</li>
 * </ul>
 * Registered by {@code mp.openapi.filter}; {@code OpenApiContractTest} checks live answers against the result.
 */
public class OpenApiTruthFilter implements OASFilter {
    static final String PROBLEM = "Problem";
    private static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** POST operations answering 201 Created; the value says whether a repeat answers 200 with the existing one. */
    static final Map<String, Boolean> CREATED = Map.ofEntries(
            Map.entry("/v1/banks", false),
            Map.entry("/v1/merchants", false),
            Map.entry("/v1/wallets", false),
            Map.entry("/v1/wallets/{id}/bank-links", false),
            Map.entry("/v1/wallets/{id}/top-ups", true),
            Map.entry("/v1/quotes", false),
            Map.entry("/v1/payments", true),
            Map.entry("/v1/payments/{id}/refunds", true),
            Map.entry("/v1/fx/rates", true),
            Map.entry("/v1/settlement/runs", true),
            Map.entry("/v1/reconciliation/statements", true),
            Map.entry("/v1/demo/tokens", false));

    /** Where a creating call answers what another operation reads, that operation's schema is borrowed. */
    static final Map<String, String> ANSWERS_LIKE = Map.of("/v1/settlement/runs", "/v1/settlement/batches/{id}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, PathItem> items = openAPI.getPaths().getPathItems();
        items.forEach((path, item) ->
                item.getOperations().forEach((method, operation) -> tellTheTruth(items, path, method, operation)));
    }

    private static void tellTheTruth(
            Map<String, PathItem> items, String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (method == PathItem.HttpMethod.POST && CREATED.containsKey(path)) {
            borrowReadSchema(items, path, responses.getAPIResponse("200"));
            documentCreated(responses, CREATED.get(path));
        }
        requireIdempotencyKey(operation);
        addStandardErrors(path, operation, responses);
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code)) {
                response.setContent(problemContent());
            } else if (!code.equals("204") && hasNoSchema(response)) {
                response.setContent(freeFormContent(response.getContent()));
            }
        });
    }

    /**
     * A POST that returns a JAX-RS Response has no generated schema; it answers what reading the created
     * resource answers ({@code POST /v1/payments} like {@code GET /v1/payments/{id}}), so that schema is used.
     */
    private static void borrowReadSchema(Map<String, PathItem> items, String path, APIResponse ok) {
        if (ok == null || !hasNoSchema(ok)) {
            return;
        }
        String readPath = ANSWERS_LIKE.getOrDefault(path, null);
        if (readPath == null) {
            readPath = items.keySet().stream()
                    .filter(p -> p.startsWith(path + "/{") && p.indexOf('/', path.length() + 1) < 0)
                    .findFirst()
                    .orElse(null);
        }
        PathItem read = readPath == null ? null : items.get(readPath);
        APIResponse readOk =
                read == null || read.getGET() == null || read.getGET().getResponses() == null
                        ? null
                        : read.getGET().getResponses().getAPIResponse("200");
        if (readOk != null && !hasNoSchema(readOk)) {
            ok.setContent(readOk.getContent());
        }
    }

    private static void documentCreated(APIResponses responses, boolean repeatAnswers200) {
        APIResponse ok = responses.getAPIResponse("200");
        if (responses.getAPIResponse("201") == null) {
            APIResponse created =
                    OASFactory.createAPIResponse().description("Created").content(ok == null ? null : ok.getContent());
            responses.addAPIResponse("201", created);
        }
        if (!repeatAnswers200) {
            responses.removeAPIResponse("200");
        } else if (ok != null) {
            ok.setDescription("Already done: the same request was answered before; this is that answer");
        }
    }

    private static void requireIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter p : operation.getParameters()) {
            if (p.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY_HEADER.equalsIgnoreCase(p.getName())) {
                p.setRequired(true);
                p.setDescription("A key of the client's choosing, one per intended write (1-255 printable ASCII)");
            }
        }
    }

    private static void addStandardErrors(String path, Operation operation, APIResponses responses) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "The request is invalid (code says why)");
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            errors.put("401", "No valid bearer token");
            errors.put("403", "This role or caller may not do this");
        }
        if (path.contains("{")) {
            errors.put("404", "No such resource");
        }
        errors.put("default", "Any other problem (409 conflict, 422 business rule, 5xx)");
        errors.forEach((code, description) -> {
            if (responses.getAPIResponse(code) == null) {
                responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
            }
        });
    }

    private static boolean isError(String code) {
        return code.equals("default") || code.startsWith("4") || code.startsWith("5");
    }

    private static boolean hasNoSchema(APIResponse response) {
        Content content = response.getContent();
        return content == null
                || content.getMediaTypes() == null
                || content.getMediaTypes().isEmpty()
                || content.getMediaTypes().values().stream().anyMatch(m -> isEmpty(m.getSchema()));
    }

    /** A method returning a JAX-RS Response is documented with an empty schema ({}), which says nothing. */
    private static boolean isEmpty(Schema schema) {
        return schema == null
                || (schema.getRef() == null
                        && (schema.getType() == null || schema.getType().isEmpty())
                        && schema.getProperties() == null
                        && schema.getAllOf() == null
                        && schema.getOneOf() == null
                        && schema.getAnyOf() == null
                        && schema.getItems() == null);
    }

    /** Keeps each media type the operation produces, giving the ones without a schema a generic one. */
    private static Content freeFormContent(Content existing) {
        Content content = OASFactory.createContent();
        Map<String, MediaType> types =
                existing == null || existing.getMediaTypes() == null ? Map.of() : existing.getMediaTypes();
        if (types.isEmpty()) {
            types = Map.of("application/json", OASFactory.createMediaType());
        }
        types.forEach((name, type) -> {
            if (isEmpty(type.getSchema())) {
                type.setSchema(genericSchema(name));
            }
            content.addMediaType(name, type);
        });
        return content;
    }

    private static Schema genericSchema(String mediaType) {
        if (mediaType.contains("json")) {
            return OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("A JSON object; see the operation's description");
        }
        if (mediaType.startsWith("image/") || mediaType.contains("octet-stream")) {
            return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("binary");
        }
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    /** RFC 9457 problem details as {@link Problem} writes them. */
    static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string);
        List<String> required = new ArrayList<>(List.of("type", "title", "status", "code"));
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details with a stable machine-readable code")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri"))
                .addProperty("title", string)
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32"))
                .addProperty("detail", string)
                .addProperty(
                        "code",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("Stable code, e.g. insufficient_funds (see ErrorCode)"))
                .addProperty("correlationId", string)
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.ARRAY)
                                .items(fieldError))
                .required(required);
    }
}
