package com.kakehashi.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.kakehashi.common.error.BusinessException;
import com.kakehashi.common.error.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One mapper per exception type; every error leaves as application/problem+json. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Every problem answered, by stable code: {@code kakehashi_problems_total{code="insufficient_funds"}}. */
    @Inject
    MeterRegistry meters;

    @ServerExceptionMapper
    public Response business(BusinessException e, ContainerRequestContext request) {
        return respond(e.errorCode(), e.getMessage(), request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        meters.counter("kakehashi.problems", "code", ErrorCode.INVALID_REQUEST.code())
                .increment();
        Problem problem = Problem.of(
                        ErrorCode.INVALID_REQUEST, "The request has invalid fields", CorrelationIdFilter.of(request))
                .withErrors(fields);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof BusinessException b) {
            return business(b, request);
        }
        // Well-formed JSON of the right type whose value is refused (NUL in a string, instant out of range) is
        // an invalid request; syntax errors and values of the wrong JSON type are malformed JSON for this call.
        boolean refusedValue = e instanceof InvalidFormatException f
                && f.getValue() instanceof String
                && (f.getTargetType() == String.class || f.getTargetType() == java.time.Instant.class);
        ErrorCode code = refusedValue ? ErrorCode.INVALID_REQUEST : ErrorCode.MALFORMED_JSON;
        return respond(code, JsonProblems.detail(e), request);
    }

    /** More specific than Quarkus' built-in mapper for this type, which answers an empty 400. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, ContainerRequestContext request) {
        return respond(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required", request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return respond(ErrorCode.UNAUTHENTICATED, "The bearer token is invalid or expired", request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(ErrorCode.FORBIDDEN, "Your role does not allow this call", request);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, ContainerRequestContext request) {
        return respond(ErrorCode.CONCURRENT_MODIFICATION, "The resource changed while you wrote it", request);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        return respond(ErrorCode.NOT_FOUND, "No resource at this path", request);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, "This path does not support that method", request);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, ContainerRequestContext request) {
        return respond(ErrorCode.NOT_ACCEPTABLE, "Ask for application/json (or image/png where offered)", request);
    }

    @ServerExceptionMapper
    public Response unsupportedMedia(NotSupportedException e, ContainerRequestContext request) {
        return respond(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "This call does not accept Content-Type '"
                        + JsonProblems.printable(request.getHeaderString("Content-Type"))
                        + "'; the API description lists the media types each call takes",
                request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        if (status == 413) {
            return respond(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than this service accepts", request);
        }
        if (status < 500) {
            return respond(ErrorCode.INVALID_REQUEST, "The request cannot be processed as sent", request);
        }
        return internal(e, request);
    }

    /** Last resort: log with the correlation id, answer a bare 500 without internals. */
    @ServerExceptionMapper
    public Response internal(Throwable e, ContainerRequestContext request) {
        String correlationId = CorrelationIdFilter.of(request);
        if (DataErrors.isDataException(e)) {
            LOG.warnf(
                    "A value the database cannot hold reached it (add validation), correlation id %s: %s",
                    correlationId, DataErrors.sqlState(e));
            return respond(
                    ErrorCode.INVALID_REQUEST, "A value in the request is outside what the service can store", request);
        }
        LOG.errorf(e, "Unhandled error, correlation id %s", correlationId);
        meters.counter("kakehashi.problems", "code", ErrorCode.INTERNAL.code()).increment();
        return Response.status(500)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(ErrorCode.INTERNAL, null, correlationId))
                .build();
    }

    private Response respond(ErrorCode code, String detail, ContainerRequestContext request) {
        meters.counter("kakehashi.problems", "code", code.code()).increment();
        return Response.status(code.status())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(code, detail, CorrelationIdFilter.of(request)))
                .build();
    }

    /** "createMerchant.request.name" -> "name": callers know their fields, not our methods. */
    private static String leaf(String path) {
        String[] parts = path.split("\\.");
        return parts.length <= 2
                ? parts[parts.length - 1]
                : String.join(".", List.of(parts).subList(2, parts.length));
    }
}
