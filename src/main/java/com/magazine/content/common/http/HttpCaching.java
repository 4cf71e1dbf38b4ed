package com.magazine.content.common.http;

import com.magazine.content.common.paging.Page;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * Validators for every GET: a strong {@code ETag}, {@code Last-Modified}, and the 304 answer when the client's copy is
 * current. {@link ResponseHeadersFilter} adds {@code Cache-Control} and {@code Vary}; {@link SurrogateKeyFilter} the
 * {@code Surrogate-Key} that the features declared while reading ({@link ReadDependencies}).
 *
 * <p>{@code If-Modified-Since} is used only where {@code Last-Modified} moves with every change of the answer
 * ({@link Cacheable#exactLastModified()}): an article's date does not move when a comment is approved or a quotation
 * it cites is edited, and a list's when an item leaves it. Elsewhere only the ETag validates.
 */
public final class HttpCaching {

    private static final java.time.format.DateTimeFormatter HTTP_DATE = java.time.format.DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH).withZone(java.time.ZoneOffset.UTC);

    public static final String SURROGATE_KEY = "Surrogate-Key";

    private HttpCaching() {
    }

    /** The strong ETag of one stored version of one resource; also what {@code If-Match} is compared with. */
    public static EntityTag etag(UUID id, long version) {
        return new EntityTag(id + "." + version);
    }

    /** A strong ETag for a composite answer (a list), from the parts that make it up. */
    public static EntityTag etagOf(Collection<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer to a GET of one resource: 304 when {@code If-None-Match} (or, without it, {@code If-Modified-Since})
     * shows the client's copy is current, else 200 with {@code body}; validators and surrogate key on both.
     */
    public static <T extends Cacheable> RestResponse<T> item(Request request, T body) {
        return item(request, body, body, null);
    }

    /**
     * As {@link #item(Request, Cacheable)} for one of several representations of {@code resource} (a sparse
     * fieldset, say): {@code variant} names it and makes its ETag differ from the full representation's.
     */
    public static <R> RestResponse<R> item(Request request, Cacheable resource, R body, String variant) {
        Date modified = Date.from(resource.lastModified());
        EntityTag etag = variantOf(resource.etag(), variant);
        boolean current;
        // HTTP dates count whole seconds: a date validates only once its second is over, so that a second change
        // within the same second can never be taken for none
        if (resource.exactLastModified() && resource.lastModified().isBefore(Instant.now().minusSeconds(1))) {
            ReadDependencies.exactLastModified(resource.lastModified());
            current = currentByTagOrDate(request, modified, etag);
        } else {
            current = request.evaluatePreconditions(etag) != null;
        }
        ResponseBuilder<R> builder = current ? RestResponse.ResponseBuilder.notModified()
                : RestResponse.ResponseBuilder.ok(body);
        return builder.tag(etag).header(HttpHeaders.LAST_MODIFIED, httpDate(resource.lastModified())).build();
    }

    private static boolean currentByTagOrDate(Request request, Date modified, EntityTag etag) {
        try {
            return request.evaluatePreconditions(modified, etag) != null;
        } catch (RuntimeException unreadableDate) {
            return request.evaluatePreconditions(etag) != null; // RFC 9110: an invalid date is ignored
        }
    }

    /**
     * An instant as an HTTP date (RFC 9110's IMF-fixdate, whole seconds). Written here with one shared formatter: the
     * framework's {@code lastModified(Date)} makes a new {@code SimpleDateFormat} (and calendar) for every answer.
     */
    static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    /** If-None-Match against an ETag: a list of tags or *, compared weakly as RFC 9110 says for GET. */
    public static boolean ifNoneMatch(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String value = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP date (IMF-fixdate, RFC 9110 5.6.7), or null when it is not one. */
    public static Instant parseDate(String value) {
        try {
            return java.time.ZonedDateTime.parse(value.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The answer to a GET of a list page, with {@code Link: rel="next"} (a reference relative to this server, so that
     * the answer is the same whatever {@code Host} the request named). Its ETag covers every item's version and the
     * next cursor. Only {@code If-None-Match} is evaluated: a list's newest change date does not move when a row
     * leaves it, so {@code If-Modified-Since} could wrongly answer 304. {@code Last-Modified}, the newest item's, is
     * left out of an empty page.
     */
    public static <T extends Cacheable> RestResponse<Page<T>> page(Request request, UriInfo uri, Page<T> page) {
        return page(request, uri, page, page, null);
    }

    /**
     * As {@link #page(Request, UriInfo, Page, String)}, answering {@code body} (the page in some representation,
     * named by {@code variant}) with the validators of {@code page}.
     */
    public static <T extends Cacheable, R> RestResponse<R> page(Request request, UriInfo uri, Page<T> page, R body,
            String variant) {
        return page(request, uri, page, body, variant, "cursor");
    }

    /** As above, for a list whose cursor parameter has another name (the change feed's {@code since}). */
    public static <T extends Cacheable, R> RestResponse<R> page(Request request, UriInfo uri, Page<T> page, R body,
            String variant, String cursorParameter) {
        List<String> parts = new ArrayList<>(page.items().size() + 1);
        Instant modified = null;
        for (T item : page.items()) {
            parts.add(item.etag().getValue());
            modified = modified == null || item.lastModified().isAfter(modified) ? item.lastModified() : modified;
        }
        parts.add(String.valueOf(page.next()));
        parts.add(String.valueOf(page.total()));
        parts.add(String.valueOf(variant));
        EntityTag etag = etagOf(parts);
        boolean current = request.evaluatePreconditions(etag) != null;
        ResponseBuilder<R> builder = current ? RestResponse.ResponseBuilder.notModified()
                : RestResponse.ResponseBuilder.ok(body);
        if (page.next() != null) {
            java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam(cursorParameter, page.next()).build();
            builder.link(java.net.URI.create(next.getRawPath() + "?" + next.getRawQuery()), "next");
        }
        builder.tag(etag);
        if (modified != null) {
            builder.header(HttpHeaders.LAST_MODIFIED, httpDate(modified));
        }
        return builder.build();
    }

    /** Marks an answer as chosen by the request's {@code Accept} (one resource, several media types). */
    public static <T> RestResponse<T> negotiated(RestResponse<T> response) {
        return RestResponse.ResponseBuilder.fromResponse(response).header("Vary", "Accept").build();
    }

    private static EntityTag variantOf(EntityTag etag, String variant) {
        return variant == null ? etag : new EntityTag(etag.getValue() + "." + etagOf(List.of(variant)).getValue().substring(0, 8));
    }
}
