package com.magazine.content.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list takes: {@code limit} and {@code cursor}. Use with {@code @BeanParam @Valid}. */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and 100")
    @Max(value = MAX_LIMIT, message = "must be between 1 and 100")
    @Parameter(description = "Items per page, 1 to 100.")
    int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    @Size(max = 512)
    @Parameter(description = "The `next` value of the previous page. Opaque: pass it back as given.")
    String cursor;

    public PageRequest() {
    }

    public PageRequest(int limit, String cursor) {
        this.limit = limit;
        this.cursor = cursor;
    }

    public int limit() {
        return limit;
    }

    public String cursor() {
        return cursor;
    }

    public boolean first() {
        return cursor == null || cursor.isEmpty();
    }
}
