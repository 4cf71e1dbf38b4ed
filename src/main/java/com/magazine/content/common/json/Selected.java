package com.magazine.content.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A value sent with only the members a {@link FieldSelection} keeps, written straight from its records to the output:
 * no JSON tree is built and then pruned. Made by {@link Writer#select}; serialized by Jackson wherever it stands (an
 * answer's body, a member of a page).
 */
@JsonSerialize(using = Selected.Serializer.class)
public final class Selected {

    private static final String FILTER = "selected-fields";

    private final Object value;
    /** Writes {@code value} with {@code filter}. */
    private final ObjectWriter writer;
    private final Filter filter;

    private Selected(Object value, ObjectWriter writer, Filter filter) {
        this.value = value;
        this.writer = writer;
        this.filter = filter;
    }

    /**
     * Makes {@link Selected} values: holds a writer of the application's {@link ObjectMapper} whose records consult
     * the selection for each member they write.
     */
    public static final class Writer {

        private final ObjectWriter filtered;

        public Writer(ObjectMapper json) {
            // every record is filtered (FieldSelection describes records and lists of them); all else as configured
            AnnotationIntrospector records = new NopAnnotationIntrospector() {
                @Override
                public Object findFilterId(Annotated annotated) {
                    return annotated instanceof AnnotatedClass type && type.getRawType().isRecord() ? FILTER : null;
                }
            };
            ObjectMapper copy = json.copy();
            this.filtered = copy.setAnnotationIntrospector(AnnotationIntrospector.pair(records,
                    copy.getSerializationConfig().getAnnotationIntrospector())).writer();
        }

        /** {@code value} (a record or a list of records) as {@code selection} keeps it. */
        public Selected select(Object value, FieldSelection selection) {
            Filter filter = new Filter(selection);
            return new Selected(value, filtered.with(new SimpleFilterProvider().addFilter(FILTER, filter)), filter);
        }
    }

    static final class Serializer extends StdSerializer<Selected> {

        Serializer() {
            super(Selected.class);
        }

        @Override
        public void serialize(Selected selected, JsonGenerator out, SerializerProvider provider) throws IOException {
            // where the value starts: member paths are counted from here (a value is written by one thread at a time)
            selected.filter.root = out.getOutputContext();
            selected.writer.writeValue(out, selected.value);
        }
    }

    /** Writes a record's member when the selection, at the record's place in the value, keeps it. */
    private static final class Filter extends SimpleBeanPropertyFilter {

        private final FieldSelection selection;
        /** The context the value is written in, set before each writing. */
        private JsonStreamContext root;

        Filter(FieldSelection selection) {
            this.selection = selection;
        }

        @Override
        public void serializeAsField(Object record, JsonGenerator out, SerializerProvider provider,
                PropertyWriter member) throws Exception {
            if (at(out.getOutputContext().getParent()).includes(member.getName())) {
                member.serializeAsField(record, out, provider);
            } else if (!out.canOmitFields()) {
                member.serializeAsOmittedField(record, out, provider);
            }
        }

        /**
         * The selection below the members that lead from {@code root} to {@code context} (the parent of the object
         * being written): walked up and applied on the way back, with nothing allocated, as this runs for every
         * member written.
         */
        private FieldSelection at(JsonStreamContext context) {
            if (context == null || context == root) {
                return selection;
            }
            FieldSelection above = at(context.getParent());
            return context.inObject() ? above.below(context.getCurrentName()) : above;
        }
    }
}
