package com.magazine.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.magazine.content.common.http.HttpCaching;
import com.magazine.content.common.json.FieldSelection;
import com.magazine.content.common.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Articles as sent: the members the client selected, with validators that tell the selections apart. */
@ApplicationScoped
class Representations {

    private final ObjectMapper json;

    Representations(ObjectMapper json) {
        this.json = json;
    }

    /** The fields a client asked for, or {@code defaults}. */
    static FieldSelection fields(String parameter, FieldSelection defaults) {
        return FieldSelection.parse(parameter, ArticleFields.ALL, defaults);
    }

    /** An article as a default read sends it: the answer to a write. */
    JsonNode full(ArticleView article) {
        return ArticleFields.FULL.apply(json.valueToTree(article));
    }

    RestResponse<JsonNode> item(Request request, ArticleView article, FieldSelection selection, String fields) {
        return HttpCaching.item(request, article, selection.apply(json.valueToTree(article)), variant(fields));
    }

    RestResponse<JsonNode> page(Request request, UriInfo uri, Page<ArticleView> page, FieldSelection selection,
            String fields) {
        ObjectNode body = json.createObjectNode();
        body.set("items", selection.apply(json.valueToTree(page.items())));
        body.put("next", page.next());
        if (page.total() != null) {
            body.put("total", page.total());
        }
        return HttpCaching.page(request, uri, page, (JsonNode) body, "list:" + variant(fields));
    }

    /** A list without paging (related articles), under {@code items}. */
    RestResponse<JsonNode> items(Request request, UriInfo uri, List<ArticleView> articles, FieldSelection selection,
            String fields) {
        return page(request, uri, new Page<>(articles, null), selection, fields);
    }

    private static String variant(String fields) {
        return fields == null || fields.isBlank() ? null : fields.strip();
    }
}
