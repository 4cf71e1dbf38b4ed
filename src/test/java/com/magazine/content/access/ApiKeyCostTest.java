package com.magazine.content.access;

import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Api;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys, one or a page of them, cost the same SQL statements whatever the page's size. */
@QuarkusTest
class ApiKeyCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed({"/api/v1/keys", "/api/v1/keys/{id}"})
    void aPageOfKeysCostsTheSameWhateverItsSize() {
        String id = null;
        for (int i = 0; i < 22; i++) {
            Map<String, Object> body = new HashMap<>(Map.of("name", unique("costed"), "role", "author"));
            body.put("author", createAuthor(unique("Keyed")));
            id = asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/v1/keys")
                    .then().statusCode(201).extract().path("key.id");
        }
        long two = counter.get(Api::asAdmin, "/api/v1/keys?limit=2");
        long twenty = counter.get(Api::asAdmin, "/api/v1/keys?limit=20");
        // the page of keys with the slugs of their authors
        assertThat(twenty).isEqualTo(two).isEqualTo(2);
        // the key with its author's slug
        assertThat(counter.get(Api::asAdmin, "/api/v1/keys/" + id)).isEqualTo(2);
    }
}
