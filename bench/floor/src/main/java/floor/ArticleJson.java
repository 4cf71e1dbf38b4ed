package floor;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** What the floor answers: the row's fields, the body written out as the JSON it is stored as. */
public record ArticleJson(UUID id, String slug, String title, String subtitle, String excerpt,
        @JsonRawValue String body, OffsetDateTime publishedAt, OffsetDateTime updatedAt) {

    static ArticleJson of(Article a) {
        return new ArticleJson(a.id, a.slug, a.title, a.subtitle, a.excerpt, a.body, a.publishedAt, a.updatedAt);
    }
}
