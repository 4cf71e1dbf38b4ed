package com.magazine.content.quotation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.magazine.content.common.http.Cacheable;
import com.magazine.content.common.http.HttpCaching;
import jakarta.ws.rs.core.EntityTag;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SpeakerSummary", description = "Someone quoted, with how many quotations are theirs.")
public record SpeakerView(
        @Schema(required = true, example = "Mara Quist") String name,
        @Schema(required = true, example = "3") long quotationCount,
        @Schema(required = true, nullable = true, description = "The author's slug when the speaker is one of ours.")
        String author,
        @JsonIgnore @Schema(hidden = true) String key,
        @JsonIgnore @Schema(hidden = true) Instant changedAt) implements Cacheable {

    @Override
    public EntityTag etag() {
        return HttpCaching.etagOf(List.of(key, name, String.valueOf(quotationCount), String.valueOf(author),
                String.valueOf(changedAt)));
    }

    @Override
    public Instant lastModified() {
        return changedAt;
    }

}
