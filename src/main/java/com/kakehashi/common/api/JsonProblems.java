package com.kakehashi.common.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.kakehashi.common.time.InstantRange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a JSON body in the caller's terms (field path, expected JSON type), never
 * in ours: no parser message, Java class or enum type name reaches a problem's {@code detail}.
 */
final class JsonProblems {
    private static final int MAX_ECHO = 40;

    private JsonProblems() {}

    static String detail(JsonProcessingException e) {
        if (e instanceof StreamReadException read && !(e instanceof MismatchedInputException)) {
            return "The body is not well-formed JSON" + at(read.getLocation());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "Field '" + path((JsonMappingException) e) + "' is not part of this call";
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            String what = mismatch instanceof InvalidFormatException invalid
                    ? invalidValue(invalid)
                    : "must be " + expected(mismatch.getTargetType());
            return field.isEmpty() ? "The body " + what : "Field '" + field + "' " + what;
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return "Field '" + path(mapping) + "' is not valid for this call";
        }
        return "The body is not valid JSON for this call";
    }

    private static String invalidValue(InvalidFormatException e) {
        Class<?> target = e.getTargetType();
        if (target == String.class && e.getValue() instanceof String) {
            return "must not contain control characters such as NUL";
        }
        return "must be " + expected(target);
    }

    /** The expected value in JSON words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another JSON type";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID string";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant string such as \"2026-11-25T03:00:00Z\", " + InstantRange.DESCRIPTION;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == BigDecimal.class) {
            return "a number";
        }
        if (type == BigInteger.class
                || type == Long.class
                || type == long.class
                || type == Integer.class
                || type == int.class
                || type == Short.class
                || type == short.class) {
            return "a whole number";
        }
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> "\"" + ((Enum<?>) c).name() + "\"")
                            .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "an object" : "a value of another JSON type";
    }

    /** "amount.currency", "cutoffSchedule[2]". */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(printable(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A caller's text safe to echo: short, control characters replaced. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
        return cut.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
