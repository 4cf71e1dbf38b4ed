package com.magazine.content.access;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.author;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApiKeyResourceTest {

    private static final String KEYS = "/api/v1/keys";

    @Test
    void createAnswers201WithTheSecretOnce() {
        Response created = asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Mobile app", "role", "partner"))
                .when().post(KEYS)
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString(KEYS + "/"))
                .header("Cache-Control", equalTo("no-store"))
                .body("secret", startsWith("cak_"))
                .body("key.name", equalTo("Mobile app"))
                .body("key.role", equalTo("partner"))
                .body("key.author", nullValue())
                .body("key.revokedAt", nullValue())
                .extract().response();
        String secret = created.path("secret");
        String id = created.path("key.id");
        assertThat(created.header("Location")).endsWith(id);
        assertThat(secret.substring(0, 12)).isEqualTo(created.path("key.prefix"));

        asAdmin().when().get(KEYS + "/" + id)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", equalTo("private, no-store"))
                .body("$", not(hasKey("secret")))
                .body("id", equalTo(id))
                .body("prefix", equalTo(created.path("key.prefix")));
    }

    @Test
    void anEditorKeyWritesContent() {
        withKey(editorKey()).contentType(ContentType.JSON).body(author(unique("By Editor")))
                .when().post("/api/v1/authors")
                .then().statusCode(201);
    }

    @Test
    void anAuthorKeyIsBoundToItsAuthor() {
        String slug = createAuthor(unique("Bound Author"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "Her laptop", "role", "author", "author", slug))
                .when().post(KEYS)
                .then().statusCode(201)
                .body("key.author", equalTo(slug));
    }

    @Test
    void aRevokedKeyIsRefusedAtOnce() {
        Response created = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Leaked", "role", "editor"))
                .when().post(KEYS).then().statusCode(201).extract().response();
        String secret = created.path("secret");
        withKey(secret).when().get("/api/v1/authors").then().statusCode(200);

        asAdmin().when().delete(KEYS + "/" + created.path("key.id")).then().statusCode(204);
        asAdmin().when().delete(KEYS + "/" + created.path("key.id")).then().statusCode(204);

        withKey(secret).when().get("/api/v1/authors")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"));
        asAdmin().when().get(KEYS + "/" + created.path("key.id"))
                .then().statusCode(200)
                .body("revokedAt", notNullValue());
    }

    @Test
    void theListIsNewestFirstAndPaged() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(asAdmin().contentType(ContentType.JSON).body(Map.of("name", "paged " + i, "role", "partner"))
                    .when().post(KEYS).then().statusCode(201).extract().path("key.id"));
        }
        Response first = asAdmin().queryParam("limit", 2).when().get(KEYS)
                .then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .header("ETag", notNullValue())
                .extract().response();
        assertThat(first.<List<String>>path("items.id")).containsExactly(ids.get(2), ids.get(1));
        asAdmin().queryParam("limit", 2).queryParam("cursor", first.<String>path("next")).when().get(KEYS)
                .then().statusCode(200)
                .body("items[0].id", equalTo(ids.get(0)));
        assertThat(asAdmin().when().get(KEYS).then().extract().body().asString()).doesNotContain("secret");
    }

    @Test
    void onlyAdminsManageKeys() {
        offContract().when().get(KEYS)
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"));
        withKey(editorKey()).when().get(KEYS)
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(403));
        withKey(editorKey()).contentType(ContentType.JSON).body(Map.of("name", "escalate", "role", "admin"))
                .when().post(KEYS)
                .then().statusCode(403)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void theAuthorRoleNeedsAKnownAuthorAndOnlyIt() {
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "no author", "role", "author"))
                .when().post(KEYS)
                .then().statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("author"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "ghost", "role", "author", "author", "nobody-by-that-slug"))
                .when().post(KEYS)
                .then().statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("nobody-by-that-slug"));
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("name", "partner", "role", "partner", "author", createAuthor(unique("Not For Partner"))))
                .when().post(KEYS)
                .then().statusCode(422)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anUnknownRoleOrMissingNameAnswers400NamingTheField() {
        offContractAsAdmin().contentType(ContentType.JSON).body(Map.of("name", "x", "role", "superuser"))
                .when().post(KEYS)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations[0].field", equalTo("role"))
                .body("violations[0].message", containsString("admin, editor, author, partner"));
        offContractAsAdmin().contentType(ContentType.JSON).body(Map.of("role", "editor"))
                .when().post(KEYS)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("name"));
    }

    @Test
    void anUnknownKeyAnswers404() {
        asAdmin().when().get(KEYS + "/01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON);
        asAdmin().when().delete(KEYS + "/01937c1e-6d3a-7cc2-9a43-2c1f0e6b7d11")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON);
        offContractAsAdmin().when().get(KEYS + "/not-a-uuid")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON);
    }

    @Test
    void aKeyedAnswerIsNeverStoredByCaches() {
        asAdmin().when().get(KEYS)
                .then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"));
        anonymous().when().get("/api/v1/authors")
                .then().statusCode(200)
                .header("Cache-Control", startsWith("public"));
    }

    @Test
    void theLocationOfACreatedKeyAnswers() {
        String location = asAdmin().contentType(ContentType.JSON).body(Map.of("name", "loc", "role", "partner"))
                .when().post(KEYS).then().statusCode(201).extract().header("Location");
        asAdmin().when().get(location).then().statusCode(200).body("name", equalTo("loc"));
    }
}
