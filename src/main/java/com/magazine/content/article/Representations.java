package com.magazine.content.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.json.Selected;
import com.magazine.content.common.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Articles as sent: the members the client selected, with validators that tell the selections apart. */
@ApplicationScoped
class Representations {

    private final Selected.Writer selected;

    Representations(ObjectMapper json) {
        this.selected = new Selected.Writer(json);
    }

    /** The fields a client asked for, or {@code defaults}. */
    static FieldSelection fields(String parameter, FieldSelection defaults) {
        return FieldSelection.parse(parameter, ArticleFields.ALL, defaults);
    }

    /** An article as a default read sends it: the answer to a write. */
    Selected full(ArticleView article) {
        return selected.select(article, ArticleFields.FULL);
    }

    RestResponse<Selected> item(Request request, ArticleView article, FieldSelection selection, String fields) {
        return HttpCaching.item(request, article, selected.select(article, selection), variant(fields));
    }

    RestResponse<ArticleItems> page(Request request, UriInfo uri, Page<ArticleView> page, FieldSelection selection,
            String fields) {
        ArticleItems body = new ArticleItems(selected.select(page.items(), selection), page.next(), page.total());
        return HttpCaching.page(request, uri, page, body, "list:" + variant(fields));
    }

    /** A list without paging (related articles), under {@code items}. */
    RestResponse<ArticleItems> items(Request request, UriInfo uri, List<ArticleView> articles,
            FieldSelection selection, String fields) {
        return page(request, uri, new Page<>(articles, null), selection, fields);
    }

    /**
     * A page of articles as sent: {@code total} only when it was counted. (The document describes it as
     * {@code ArticlePage}, whose items are {@code ArticleView}s.)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArticleItems(Selected items, @JsonInclude(JsonInclude.Include.ALWAYS) String next, Long total) {
    }

    private static String variant(String fields) {
        return fields == null || fields.isBlank() ? null : fields.strip();
    }
}
