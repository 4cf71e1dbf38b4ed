package com.magazine.content.quotation;

import com.magazine.content.common.text.Slugs;
import com.magazine.content.common.time.Timestamps;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** Words someone said or wrote, with who said them and where: cited by articles' quote blocks. */
@Entity
@Table(name = "quotation")
class Quotation {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false)
    private String text;

    @Column(name = "speaker_name", nullable = false)
    private String speakerName;

    @Column(name = "speaker_key", nullable = false)
    private String speakerKey;

    @Column(name = "speaker_description")
    private String speakerDescription;

    @Column(name = "speaker_author_id")
    private UUID speakerAuthorId;

    @JdbcTypeCode(SqlTypes.JSON)
    private Work source;

    @Column(name = "source_title_key")
    private String sourceTitleKey;

    @JdbcTypeCode(SqlTypes.JSON)
    private Work via;

    @Column(nullable = false)
    private String language;

    private String note;

    @Column(nullable = false)
    private String attribution;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Quotation() {
    }

    Quotation(Content content) {
        createdAt = Timestamps.now();
        write(content);
    }

    /** Keeps the speaker's name and description, no longer linked to one of our authors (who is being deleted). */
    void forgetSpeakerAuthor() {
        speakerAuthorId = null;
        updatedAt = Timestamps.now();
    }

    void revise(Content content) {
        write(content);
    }

    private void write(Content content) {
        text = content.text();
        speakerName = content.speakerName();
        speakerKey = key(speakerName);
        speakerDescription = content.speakerDescription();
        speakerAuthorId = content.speakerAuthorId();
        source = content.source();
        sourceTitleKey = source == null ? null : key(source.title());
        via = content.via();
        language = content.language();
        note = content.note();
        attribution = attributionOf(speakerName, source, via);
        updatedAt = Timestamps.now();
    }

    /** The form names and titles are matched in: folded to lowercase without diacritics. */
    static String key(String name) {
        return Slugs.fold(name).strip();
    }

    /**
     * A standard citation built from the fields, never stored markup: "Mara Quist, Tides of Policy, Harbor Press,
     * p. 112", and for words known through another work "… (quoted in The Long Thaw by Helen Varga, The Review)".
     */
    static String attributionOf(String speaker, Work source, Work via) {
        List<String> parts = new ArrayList<>();
        parts.add(speaker);
        if (source != null) {
            parts.add(source.title());
            addIfPresent(parts, source.publisher());
            addIfPresent(parts, source.locator());
        }
        StringBuilder citation = new StringBuilder(String.join(", ", parts));
        if (via != null) {
            citation.append(" (quoted in ").append(via.title());
            if (via.by() != null) {
                citation.append(" by ").append(via.by());
            }
            if (via.publisher() != null) {
                citation.append(", ").append(via.publisher());
            }
            citation.append(')');
        }
        return citation.toString();
    }

    private static void addIfPresent(List<String> parts, String part) {
        if (part != null && !part.isBlank()) {
            parts.add(part);
        }
    }

    /** What a quotation holds, cleaned and resolved by the service. */
    record Content(String text, String speakerName, String speakerDescription, UUID speakerAuthorId, Work source,
            Work via, String language, String note) {
    }

    /** Where the words can be read: the source's URL, else the one of the work that quotes them. */
    String url() {
        if (source != null && source.url() != null) {
            return source.url();
        }
        return via == null ? null : via.url();
    }

    UUID id() {
        return id;
    }

    String text() {
        return text;
    }

    String speakerName() {
        return speakerName;
    }

    String speakerDescription() {
        return speakerDescription;
    }

    UUID speakerAuthorId() {
        return speakerAuthorId;
    }

    Work source() {
        return source;
    }

    Work via() {
        return via;
    }

    String language() {
        return language;
    }

    String note() {
        return note;
    }

    String attribution() {
        return attribution;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
