package com.magazine.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.magazine.content.access.Caller;
import com.magazine.content.common.error.Problems;
import com.magazine.content.common.events.Change;
import com.magazine.content.common.events.ChangeLog;
import com.magazine.content.common.json.MergePatch;
import com.magazine.content.common.text.Text;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;

/**
 * Editors' writes of tags: renaming and retyping one. Every article showing the tag shows its name and type, so the
 * change purges the tag's own key (which those answers carry) and every public list.
 */
@ApplicationScoped
public class TagService {

    private final TagRepository tags;
    private final MergePatch mergePatch;
    private final ChangeLog changes;
    private final Instance<Caller> caller;

    TagService(TagRepository tags, MergePatch mergePatch, ChangeLog changes, Instance<Caller> caller) {
        this.tags = tags;
        this.mergePatch = mergePatch;
        this.changes = changes;
        this.caller = caller;
    }

    /**
     * JSON merge patch of a tag's name and type. The tag's row is locked for the transaction, so that an article write
     * naming it as a section (which takes a share lock) cannot slip between the in-use check and the retype.
     */
    @Transactional
    public TagView patch(String slug, JsonNode patch, com.magazine.content.common.http.IfMatch ifMatch) {
        Tag tag = tags.findBySlugForUpdate(slug).orElseThrow(() -> Problems.notFound("tag", slug));
        ifMatch.check(tags.viewOf(tag, Timestamps.now(), caller.get().staff()).etag());
        TagInput input = mergePatch.apply(new TagInput(tag.name(), tag.type()), patch);
        String name = Text.line(input.name());
        if (name == null) {
            throw Problems.unprocessable("name", "must have a letter or digit");
        }
        if (input.type() != TagType.section && tag.type() == TagType.section && tags.isSectionOfAny(tag.id())) {
            throw Problems.conflict("section-in-use", "Articles have '" + tag.slug() + "' as their section; give "
                    + "them another section before the tag stops being one.");
        }
        Instant now = Timestamps.now();
        tag.revise(name, input.type(), now);
        tags.flush();
        changes.record(new Change("tag", tag.id(), tag.slug(), Change.Op.upsert, Change.Op.upsert, "updated", null,
                Set.of(ArticleKeys.tag(tag.id()), ArticleKeys.PUBLIC_ARTICLES)));
        return tags.viewOf(tag, now, caller.get().staff());
    }

    /**
     * For imports: makes the tag named {@code name} unless one has its slug already (a section when
     * {@code section}). Answers whether it was made.
     */
    @Transactional
    public boolean ensure(String name, boolean section) {
        String clean = com.magazine.content.common.text.Text.line(name);
        String slug = clean == null ? "" : com.magazine.content.common.text.Slugs.of(clean);
        if (slug.isEmpty() || tags.findBySlug(slug).isPresent()) {
            return false;
        }
        tags.findOrCreate(java.util.Map.of(slug, clean), section ? slug : null,
                com.magazine.content.common.time.Timestamps.now());
        return true;
    }
}
