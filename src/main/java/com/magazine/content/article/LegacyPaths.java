package com.magazine.content.article;

import com.magazine.content.common.error.Problems;
import com.magazine.content.common.http.ReadDependencies;
import com.magazine.content.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The old addresses of articles (a WordPress permalink such as {@code /2019/12/03/a-title/}, or {@code /?p=123}), so
 * that a frontend can ask where an old path now lives and answer 301. Paths are compared in one normal form
 * ({@link #normalise}): a leading and a trailing slash, no host, and of the query only the {@code p} or
 * {@code page_id} that WordPress's plain links use.
 */
@ApplicationScoped
public class LegacyPaths {

    /** The longest path kept or looked up. */
    public static final int MAX_LENGTH = 2000;

    private static final Pattern PLAIN_LINK = Pattern.compile("(?:^|&)(p|page_id)=(\\d{1,19})(?:&|$)");

    private final EntityManager entityManager;
    private final ArticleRepository articles;
    private final ArticleAccess access;

    LegacyPaths(EntityManager entityManager, ArticleRepository articles, ArticleAccess access) {
        this.entityManager = entityManager;
        this.articles = articles;
        this.access = access;
    }

    /** Where an old path lives now. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Redirect",
            description = "Where an old path of an article lives now: a frontend answers 301 to its own page of it.")
    public record Redirect(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                    description = "The path asked for, in normal form.", example = "/2019/12/03/a-window-closes/")
            String path,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                    description = "The article's slug now.", example = "a-window-closes") String slug,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                    description = "The article's resource.", example = "/api/v1/articles/a-window-closes")
            String article,
            @com.fasterxml.jackson.annotation.JsonIgnore Instant updatedAt) implements
            com.magazine.content.common.http.Cacheable {

        @Override
        public jakarta.ws.rs.core.EntityTag etag() {
            return com.magazine.content.common.http.HttpCaching.etagOf(List.of(path, slug));
        }

        @Override
        public Instant lastModified() {
            return updatedAt;
        }
    }

    /**
     * The normal form of a path or a whole URL, or empty when it has none (not a path, too long, or a bare
     * {@code /}).
     */
    public static Optional<String> normalise(String pathOrUrl) {
        if (pathOrUrl == null || pathOrUrl.isBlank() || pathOrUrl.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(pathOrUrl.strip());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/{2,}", "/");
        String query = uri.getRawQuery();
        if (query != null) {
            Matcher plain = PLAIN_LINK.matcher(query);
            if (plain.find() && (path.isEmpty() || path.equals("/") || path.equals("/index.php"))) {
                return Optional.of("/?" + plain.group(1) + "=" + Long.parseLong(plain.group(2)));
            }
        }
        if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        return path.equals("/") || path.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(path);
    }

    /** Records the old paths of an article (a path already recorded moves to this article). */
    @Transactional
    public void record(UUID articleId, Collection<String> pathsOrUrls) {
        for (String given : pathsOrUrls) {
            normalise(given).ifPresent(path -> entityManager.createNativeQuery("""
                    insert into article_legacy_path (path, article_id) values (?1, ?2)
                    on conflict (path) do update set article_id = excluded.article_id""")
                    .setParameter(1, path).setParameter(2, articleId).executeUpdate());
        }
    }

    /** Where {@code path} lives now, if it is an old path of an article the caller may see; else a 404 problem. */
    @ActivateRequestContext
    public Redirect resolve(String pathOrUrl) {
        ReadDependencies.on(ArticleKeys.PUBLIC_ARTICLES); // the article may be public later, or paths recorded later
        String path = normalise(pathOrUrl).orElseThrow(() -> Problems.notFound("redirect", String.valueOf(pathOrUrl)));
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery(
                "select article_id from article_legacy_path where path = ?1", UUID.class)
                .setParameter(1, path).getResultList();
        Instant now = Timestamps.now();
        return ids.stream().findFirst().flatMap(articles::findByIdOptional)
                .filter(article -> access.canSee(article, now))
                .map(article -> {
                    ReadDependencies.on(ArticleKeys.article(article.id()));
                    return new Redirect(path, article.slug(), "/api/v1/articles/" + article.slug(),
                            article.updatedAt());
                })
                .orElseThrow(() -> Problems.notFound("redirect", path));
    }
}
