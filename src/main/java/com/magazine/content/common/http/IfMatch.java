package com.magazine.content.common.http;

import com.magazine.content.common.error.Problems;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code If-Match} precondition of a write (RFC 9110 §13.1.1): absent, {@code *}, or a list of entity tags
 * compared strongly with the current one. A stale tag answers 412 and nothing is written.
 */
public final class IfMatch {

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(,|$)");
    private static final IfMatch ABSENT = new IfMatch(false, List.of());

    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean any, List<String> strongTags) {
        this.any = any;
        this.strongTags = strongTags;
    }

    /** Parses the header value; {@code null} or blank means no precondition. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        if (header.trim().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(header);
        int end = 0;
        while (end < header.length() && matcher.find(end) && matcher.start() == end) {
            if (matcher.group(1) == null) {
                tags.add(matcher.group(2)); // a weak tag never matches strongly: it is parsed and dropped
            }
            end = matcher.end();
        }
        if (end < header.length()) {
            throw Problems.badRequest("invalid-precondition",
                    "If-Match must be * or a list of quoted entity tags, as sent in ETag.");
        }
        return new IfMatch(false, List.copyOf(tags));
    }

    public static IfMatch absent() {
        return ABSENT;
    }

    /** Throws a 412 problem unless the resource's current {@code etag} satisfies this precondition. */
    public void check(EntityTag current) {
        if (this == ABSENT || any) {
            return;
        }
        if (!strongTags.contains(current.getValue())) {
            throw Problems.preconditionFailed("The resource has changed since you read it (its ETag is now \""
                    + current.getValue() + "\"). Fetch it again, re-apply your change and retry.");
        }
    }
}
