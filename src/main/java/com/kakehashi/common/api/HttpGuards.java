package com.kakehashi.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.common.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refusals decided before a request reaches a resource, answered as problems rather than the HTTP
 * layer's empty bodies: a body over the size limit (413), a URI over the length limit (414), a body
 * without a Content-Type (415), a NUL or other control character in the path or query (400).
 *
 * <p>Runs before Quarkus' body handler and its own body-size check (route order -2), which answers an empty 413.
 * URIs longer than {@code quarkus.http.limits.max-initial-line-length} are still cut off by the HTTP
 * codec with an empty 414: there is no request yet to answer.
 */
@ApplicationScoped
public class HttpGuards {
    /** First of all routes: before Quarkus' body handler (which would read, or wait for, the whole body). */
    static final int ORDER = Integer.MIN_VALUE;

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);
    /** RFC 9110 media type: type "/" subtype, optional parameters. */
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "\\s*[\\w!#$&^.+-]+/[\\w!#$&^.+-]+\\s*(;\\s*[\\w!#$&^.+-]+\\s*=\\s*(\"[^\"]*\"|[\\w!#$&^.+-]*)\\s*)*;?\\s*");

    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(?:[01][0-9a-fA-F]|7[fF])");

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    @ConfigProperty(name = "kakehashi.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    void guard(RoutingContext context) {
        var request = context.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            refuse(context, ErrorCode.URI_TOO_LONG, "The URI is longer than " + maxUriLength + " characters");
        } else if (hasControlCharacter(uri)) {
            refuse(context, ErrorCode.INVALID_REQUEST, "The path or query contains a control character such as NUL");
        } else if (declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH)) > maxBodySize.asLongValue()) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(
                    context,
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The body is larger than " + maxBodySize.asLongValue() + " bytes");
        } else if (WITH_BODY.contains(request.method())
                && hasBody(context)
                && isBlank(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            refuse(
                    context,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "A body needs a Content-Type header, " + "e.g. application/json");
        } else if (!isBlank(request.getHeader(HttpHeaders.CONTENT_TYPE))
                && !MEDIA_TYPE
                        .matcher(request.getHeader(HttpHeaders.CONTENT_TYPE))
                        .matches()) {
            refuse(
                    context,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type header is not a media type such as " + "application/json");
        } else {
            context.next();
        }
    }

    static boolean hasControlCharacter(String uri) {
        if (ENCODED_CONTROL.matcher(uri).find()) {
            return true;
        }
        return uri.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    private static boolean hasBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        return declaredLength(length) > 0 || context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** The declared length, 0 when absent; an unreadable header counts as too large (the codec rejects most). */
    private static long declaredLength(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private void refuse(RoutingContext context, ErrorCode code, String detail) {
        String correlationId = CorrelationIdFilter.sane(context.request().getHeader(CorrelationIdFilter.HEADER));
        meters.counter("kakehashi.problems", "code", code.code()).increment();
        String body;
        try {
            body = json.writeValueAsString(Problem.of(code, detail, correlationId));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + code.status() + ",\"code\":\"" + code.code() + "\"}";
        }
        context.response()
                .setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(CorrelationIdFilter.HEADER, correlationId)
                .end(body);
    }
}
