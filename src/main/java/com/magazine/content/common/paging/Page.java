package com.magazine.content.common.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: its items, in order, the cursor of the next page ({@code null} on the last page) and, when the
 * client asked for it, the total.
 */
@Schema(description = "One page of a list, in keyset order.")
public record Page<T>(
        @Schema(required = true, description = "The items of this page, in the list's order.") List<T> items,
        @Schema(required = true, nullable = true,
                description = "Pass as `cursor` to get the next page; null on the last page. Also sent as `Link: rel=\"next\"`.")
        String next,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "How many items the whole list has; only when asked for with `count=true`.")
        Long total) {

    public Page(List<T> items, String next) {
        this(items, next, null);
    }

    /** The same page with other items (e.g. a representation of each), its cursor and total kept. */
    public <R> Page<R> map(Function<T, R> representation) {
        return new Page<>(items.stream().map(representation).toList(), next, total);
    }

    public Page<T> withTotal(long count) {
        return new Page<>(items, next, count);
    }

    /**
     * Cuts {@code rows}, fetched with one row more than {@code limit}, into a page: the extra row only tells that a next
     * page exists, and the cursor points after the last row served.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, String> cursorAfter) {
        boolean more = rows.size() > limit;
        List<R> served = more ? rows.subList(0, limit) : rows;
        String next = more ? cursorAfter.apply(served.get(served.size() - 1)) : null;
        return new Page<>(served.stream().map(view).toList(), next);
    }
}
