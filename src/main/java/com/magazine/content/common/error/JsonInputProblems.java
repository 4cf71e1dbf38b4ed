package com.magazine.content.common.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body that cannot be read as the resource's JSON: a 400 problem naming the field at fault (in {@code violations},
 * like a validation failure) or the place where the JSON breaks, never a parser message with class names.
 */
public class JsonInputProblems {

    /*
     * One method per exception type that Quarkus or quarkus-resteasy-problem also map: the most specific type wins,
     * then the lowest priority.
     */

    @ServerExceptionMapper(priority = 1)
    Response unreadable(JsonProcessingException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response malformed(JsonParseException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response mismatched(MismatchedInputException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response invalid(InvalidFormatException e, UriInfo uri) {
        return respond(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    Response unknown(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(e, uri);
    }

    private static Response respond(JsonProcessingException e, UriInfo uri) {
        return Problems.respond(of(e), uri);
    }

    /** The problem for {@code e}. */
    public static HttpProblem of(JsonProcessingException e) {
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            JsonLocation at = syntax.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            if (syntax.getOriginalMessage() != null && syntax.getOriginalMessage().startsWith("Duplicate field")) {
                return Problems.badRequest("malformed-json", "The body names a member twice" + where + ".");
            }
            return Problems.badRequest("malformed-json", at == null ? "The body is not valid JSON."
                    : "The body is not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ").");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problems.invalidField(path(unknown), "is not a field of this resource");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(String::valueOf)
                    .collect(Collectors.joining(", "));
            return Problems.invalidField(path(invalid), "must be one of: " + allowed);
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && java.time.temporal.Temporal.class.isAssignableFrom(invalid.getTargetType())) {
            return Problems.invalidField(path(invalid), "must be an ISO-8601 instant, e.g. 2026-12-01T07:00:00Z");
        }
        if (e instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return Problems.invalidField(path(mismatched), "has the wrong type");
        }
        return Problems.badRequest("malformed-json", "The body is not valid JSON of the expected shape.");
    }

    /** The JSON syntax error behind {@code e}, if that is what it is (a databind failure may wrap one). */
    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException syntax) {
                return syntax;
            }
        }
        return null;
    }

    /** The field as a path into the body, as Bean Validation names it too: {@code links[0].url}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
