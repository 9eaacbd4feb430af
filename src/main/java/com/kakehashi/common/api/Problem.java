package com.kakehashi.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.kakehashi.common.error.ErrorCode;
import java.util.List;

/** RFC 9457 problem details, plus a stable {@code code} and the request's correlation id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String code,
        String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://kakehashi.example/problems/";

    public record FieldError(String field, String message) {}

    public static Problem of(ErrorCode code, String detail, String correlationId) {
        return new Problem(
                TYPE_BASE + code.code().replace('_', '-'),
                code.title(),
                code.status(),
                detail,
                code.code(),
                correlationId,
                null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, code, correlationId, fieldErrors);
    }
}
