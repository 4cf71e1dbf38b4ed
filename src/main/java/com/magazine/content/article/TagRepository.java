package com.magazine.content.article;

import com.magazine.content.common.database.Entities;
import com.magazine.content.common.time.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
class TagRepository implements PanacheRepositoryBase<Tag, UUID> {

    Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The tag, its row locked until the transaction ends (for a write of the tag itself). */
    Optional<Tag> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The type a tag has now, its row share-locked until the transaction ends (no retype meanwhile). */
    TagType typeLocked(UUID id) {
        return TagType.valueOf((String) getEntityManager()
                .createNativeQuery("select type from tag where id = ?1 for share")
                .setParameter(1, id)
                .getSingleResult());
    }

    /**
     * The tags with these slugs, making the missing ones with the given names (as topics, but {@code sectionSlug} as a
     * section); safe when two writers make the same tag at once (the first name wins).
     */
    Map<String, Tag> findOrCreate(Map<String, String> namesBySlug, String sectionSlug, Instant now) {
        for (Map.Entry<String, String> tag : namesBySlug.entrySet()) {
            getEntityManager().createNativeQuery("""
                            insert into tag (id, slug, name, type, created_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?5)
                            on conflict (slug) do nothing""")
                    .setParameter(1, UUID.randomUUID())
                    .setParameter(2, tag.getKey())
                    .setParameter(3, tag.getValue())
                    .setParameter(4, (tag.getKey().equals(sectionSlug) ? TagType.section : TagType.topic).name())
                    .setParameter(5, now)
                    .executeUpdate();
        }
        return findBySlugs(namesBySlug.keySet()).stream()
                .collect(Collectors.toMap(Tag::slug, Function.identity()));
    }

    /**
     * Tags by slug after {@code afterSlug}, each with the number of articles under it that are public at {@code now}
     * (or of any status for staff), and the last time that number grew. Tags with none are left out for the public,
     * so that a draft's tags stay unseen.
     */
    List<TagView> pageWithCounts(TagType type, String afterSlug, int limit, Instant now, boolean staff) {
        String visible = staff ? "true" : PublicArticles.visible("a", "?1");
        var query = getEntityManager().createNativeQuery("""
                        select t.id, t.slug, t.name, count(a.id),
                               greatest(t.updated_at, max(a.published_at) filter (where a.published_at <= ?1)),
                               t.type
                        from tag t
                        left join article_tag at on at.tag_id = t.id
                        left join article a on a.id = at.article_id and (%s)
                        where t.slug > ?2 and (cast(?4 as varchar) is null or t.type = cast(?4 as varchar))
                        group by t.id
                        having count(a.id) > 0 or %s
                        order by t.slug
                        limit ?3""".formatted(visible, staff))
                .setParameter(1, now)
                .setParameter(2, afterSlug == null ? "" : afterSlug)
                .setParameter(3, limit)
                .setParameter(4, type == null ? null : type.name());
        List<TagView> tags = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            tags.add(new TagView((String) columns[1], (String) columns[2], TagType.valueOf((String) columns[5]),
                    ((Number) columns[3]).longValue(), (UUID) columns[0], Timestamps.fromJdbc(columns[4])));
        }
        return tags;
    }

    /** Whether any article has this tag as its primary section. */
    boolean isSectionOfAny(UUID tagId) {
        return !getEntityManager().createNativeQuery("select 1 from article where section_id = ?1 limit 1")
                .setParameter(1, tagId).getResultList().isEmpty();
    }

    /** One tag as {@link #pageWithCounts} shows it. */
    TagView viewOf(Tag tag, Instant now, boolean staff) {
        String visible = staff ? "true" : PublicArticles.visible("a", "?1");
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                        select count(a.id), max(a.published_at) filter (where a.published_at <= ?1)
                        from article_tag at join article a on a.id = at.article_id and (%s)
                        where at.tag_id = ?2""".formatted(visible))
                .setParameter(1, now)
                .setParameter(2, tag.id())
                .getSingleResult();
        Instant latest = row[1] == null ? null : Timestamps.fromJdbc(row[1]);
        return new TagView(tag.slug(), tag.name(), tag.type(), ((Number) row[0]).longValue(), tag.id(),
                latest != null && latest.isAfter(tag.updatedAt()) ? latest : tag.updatedAt());
    }

    /** The slugs of the tags with these names (case aside), by lowercase name; names of no tag are left out. */
    Map<String, String> slugsByName(Collection<String> names) {
        Map<String, String> slugs = new java.util.HashMap<>();
        List<String> lower = names.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        for (Object row : getEntityManager()
                .createNativeQuery("select lower(name), slug from tag where lower(name) = any(?1) order by created_at")
                .setParameter(1, lower.toArray(String[]::new))
                .getResultList()) {
            Object[] columns = (Object[]) row;
            slugs.putIfAbsent((String) columns[0], (String) columns[1]);
        }
        return slugs;
    }

    /** The ids of the tags with these slugs; unknown slugs are left out. */
    Map<String, UUID> idsBySlug(Collection<String> slugs) {
        return findBySlugs(slugs).stream().collect(Collectors.toMap(Tag::slug, Tag::id));
    }

    List<Tag> findBySlugs(Collection<String> slugs) {
        return Entities.whereAny(getEntityManager(), Tag.class, "tag", "slug", slugs.toArray(String[]::new));
    }

}
