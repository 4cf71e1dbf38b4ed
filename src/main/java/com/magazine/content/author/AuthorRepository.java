package com.magazine.content.author;

import com.magazine.content.common.database.Entities;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class AuthorRepository implements PanacheRepositoryBase<Author, UUID> {

    Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    boolean slugTaken(String slug) {
        return count("slug", slug) > 0;
    }

    /** The slugs in use that start with {@code base}: {@code base} itself and {@code base-2}, {@code base-3}… */
    List<String> slugsLike(String base) {
        return getEntityManager()
                .createQuery("select a.slug from Author a where a.slug = :base or a.slug like :prefix", String.class)
                .setParameter("base", base)
                .setParameter("prefix", base.replace("_", "\\_").replace("%", "\\%") + "-%")
                .getResultList();
    }

    /** Authors by name, after the row ({@code sortName}, {@code id}) when given: keyset paging on one index. */
    List<Author> pageByName(String afterSortName, UUID afterId, int limit) {
        var query = afterSortName == null
                ? find("order by sortName, id")
                : find("(sortName, id) > (?1, ?2) order by sortName, id", afterSortName, afterId);
        return query.page(0, limit).list();
    }

    List<Author> findBySlugs(Collection<String> slugs) {
        return Entities.whereAny(getEntityManager(), Author.class, "author", "slug", slugs.toArray(String[]::new));
    }

    List<Author> findByIds(Collection<UUID> ids) {
        return Entities.byIds(getEntityManager(), Author.class, ids);
    }
}
