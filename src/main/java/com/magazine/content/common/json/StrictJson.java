package com.magazine.content.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/**
 * JSON is read strictly, for every body: a duplicate member (which one would win?) and anything after the document
 * ({@code {"name":"x"} y}) are malformed JSON; a number or boolean where a string belongs (an instant too) is the wrong type; an instant outside what the database stores (years 1 to 9999) is
 * an invalid field, all answered 400 by {@code JsonInputProblems} instead of being guessed at or failing later.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a number or a boolean where the document says string is the wrong type, not text to guess at
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("storable-instants").addDeserializer(Instant.class,
                new StorableInstant()));
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY; // after Quarkus' own customizers, so the JavaTimeModule is there to be overridden
    }

    /** ISO-8601 instants as Jackson reads them, refused (as a wrong format) outside what PostgreSQL stores. */
    static final class StorableInstant extends StdScalarDeserializer<Instant> {

        StorableInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                // the document says an ISO-8601 string: a number (epoch seconds? milliseconds?) is the wrong type
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
            if (instant != null && !Timestamps.storable(instant)) {
                return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(),
                        "outside the years 1 to 9999");
            }
            return instant;
        }
    }
}
