package com.magazine.content.author;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.author;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.newKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.unique;
import static com.magazine.content.support.Api.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthorResourceTest {

    private static final String AUTHORS = "/api/v1/authors";

    @Nested
    class Creating {

        @Test
        void createAnswers201WithLocationAndTheAuthor() {
            String name = unique("Nadia Ferreira");
            asAdmin().contentType(ContentType.JSON).body(author(name))
                    .when().post(AUTHORS)
                    .then().statusCode(201)
                    .contentType(ContentType.JSON)
                    .header("Location", endsWith(AUTHORS + "/" + name.toLowerCase().replace(' ', '-')))
                    .header("ETag", notNullValue())
                    .body("id", matchesPattern("[0-9a-f-]{36}"))
                    .body("slug", equalTo(name.toLowerCase().replace(' ', '-')))
                    .body("name", equalTo(name))
                    .body("role", equalTo("Contributing Editor"))
                    .body("location", equalTo("Duluth, Minnesota"))
                    .body("links[0].label", equalTo("Website"))
                    .body("publications", contains("The Northern Review", "Harbor Quarterly"))
                    .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"))
                    .body("version", equalTo(0));
        }

        @Test
        void slugIsDerivedFromTheNameAndNumberedWhenTaken() {
            String token = unique("x").substring(2);
            String name = "Émile Østergård-Łukasz " + token;
            String first = createAuthor(name);
            String second = createAuthor(name);
            assertThat(first).isEqualTo("emile-ostergard-lukasz-" + token);
            assertThat(second).isEqualTo(first + "-2");
        }

        @Test
        void anExplicitSlugThatIsTakenAnswers409Problem() {
            String slug = createAuthor(unique("Taken Slug"));
            Map<String, Object> body = author("Someone Else");
            body.put("slug", slug);
            asAdmin().contentType(ContentType.JSON).body(body)
                    .when().post(AUTHORS)
                    .then().statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:slug-taken"))
                    .body("status", equalTo(409))
                    .body("detail", containsString(slug));
        }

        @Test
        void missingNameAndBadFieldsAnswer400WithEachFieldAtFault() {
            Map<String, Object> body = author("x");
            body.remove("name");
            body.put("slug", "Not A Slug");
            body.put("links", List.of(Map.of("label", "Site", "url", "javascript:alert(1)")));
            body.put("avatarUrl", "ftp://files.example.org/a.jpg");
            offContractAsAdmin()
                    .contentType(ContentType.JSON).body(body)
                    .when().post(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(400))
                    .body("violations.field", hasItem("name"))
                    .body("violations.field", hasItem("slug"))
                    .body("violations.field", hasItem("avatarUrl"))
                    .body("violations.find { it.field == 'links[0].url' }.message",
                            containsString("http(s) URL"))
                    .body("violations[0].in", equalTo("body"))
                    .body("type", equalTo("urn:content-api:problem:invalid-field"))
                    .body("detail", containsString("name: must not be blank"));
        }

        @Test
        void malformedJsonAnswers400Problem() {
            offContractAsAdmin()
                    .contentType(ContentType.JSON).body("{\"name\": \"Unclosed")
                    .when().post(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:malformed-json"))
                    .body("title", equalTo("Bad Request"))
                    .body("detail", startsWith("The body is not valid JSON (line 1, column"));
        }

        @Test
        void aFieldOfTheWrongTypeAnswers400NamingIt() {
            offContractAsAdmin()
                    .contentType(ContentType.JSON).body(Map.of("name", "Wrong Type", "links", "not-a-list"))
                    .when().post(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("detail", org.hamcrest.Matchers.not(containsString("com.magazine")))
                    .body("violations.field", hasItem("links"));
        }

        @Test
        void anUnknownFieldAnswers400NamingIt() {
            Map<String, Object> body = author(unique("Typo"));
            body.put("biography", "misspelled bio, would be lost");
            offContractAsAdmin()
                    .contentType(ContentType.JSON).body(body)
                    .when().post(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("biography"));
        }

        @Test
        void aBodyThatIsNotJsonAnswers415Problem() {
            offContractAsAdmin()
                    .contentType(ContentType.XML).body("<author><name>X</name></author>")
                    .when().post(AUTHORS)
                    .then().statusCode(415)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(415));
        }

        @Test
        void anOversizedBodyAnswers413Problem() {
            Map<String, Object> body = author(unique("Big"));
            body.put("bio", "x".repeat(2 * 1024 * 1024));
            offContractAsAdmin()
                    .contentType(ContentType.JSON).body(body)
                    .when().post(AUTHORS)
                    .then().statusCode(413)
                    .contentType(PROBLEM_JSON)
                    .body("status", equalTo(413));
        }

        @Test
        void withoutAKeyAnswers401ProblemWithBearerChallenge() {
            offContract().contentType(ContentType.JSON).body(author(unique("No Key")))
                    .when().post(AUTHORS)
                    .then().statusCode(401)
                    .contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", startsWith("Bearer"));
        }

        @Test
        void partnerAndAuthorKeysAnswer403Problem() {
            String partner = newKey("partner", null);
            withKey(partner).contentType(ContentType.JSON).body(author(unique("Partner Made")))
                    .when().post(AUTHORS)
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON);
            String authorKey = newKey("author", createAuthor(unique("Key Holder")));
            withKey(authorKey).contentType(ContentType.JSON).body(author(unique("Author Made")))
                    .when().post(AUTHORS)
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void anEditorKeyMayCreate() {
            withKey(editorKey()).contentType(ContentType.JSON).body(author(unique("Editor Made")))
                    .when().post(AUTHORS)
                    .then().statusCode(201);
        }

        @Test
        void textIsCleanedOfControlCharactersButKeepsUnicode() {
            Map<String, Object> body = author(unique("Zoë \u0007Ağaoğlu"));
            body.put("bio", "سلام 👋🏽 e\u0301\u0000 ok");
            String slug = asAdmin().contentType(ContentType.JSON).body(body)
                    .when().post(AUTHORS)
                    .then().statusCode(201)
                    .body("name", startsWith("Zoë Ağaoğlu"))
                    .body("bio", equalTo("سلام 👋🏽 é ok"))
                    .extract().path("slug");
            assertThat(slug).startsWith("zoe-agaoglu-");
        }
    }

    @Nested
    class Reading {

        @Test
        void getAnswersTheAuthorWithValidatorsAndPublicCaching() {
            String slug = createAuthor(unique("Ruth Okonjo"));
            anonymous()
                    .when().get(AUTHORS + "/" + slug)
                    .then().statusCode(200)
                    .contentType(ContentType.JSON)
                    .header("ETag", matchesPattern("\"[0-9a-f-]{36}\\.0\""))
                    .header("Last-Modified", notNullValue())
                    .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300, stale-if-error=86400"))
                    .header("Vary", containsString("Authorization"))
                    .header("Surrogate-Key", matchesPattern("author:[0-9a-f-]{36}"))
                    .body("slug", equalTo(slug))
                    .body("bio", equalTo("Writes on cities, rivers and the people who govern them."));
        }

        @Test
        void aKeyedReadIsPrivate() {
            String slug = createAuthor(unique("Private Read"));
            asAdmin().when().get(AUTHORS + "/" + slug)
                    .then().statusCode(200)
                    .header("Cache-Control", equalTo("private, no-store"));
        }

        @Test
        void ifNoneMatchWithTheCurrentETagAnswers304() {
            String slug = createAuthor(unique("Conditional"));
            String etag = anonymous().when().get(AUTHORS + "/" + slug).then().extract().header("ETag");
            anonymous().header("If-None-Match", etag)
                    .when().get(AUTHORS + "/" + slug)
                    .then().statusCode(304)
                    .header("ETag", equalTo(etag))
                    .header("Cache-Control", startsWith("public"));
            anonymous().header("If-None-Match", "\"something-else\"")
                    .when().get(AUTHORS + "/" + slug)
                    .then().statusCode(200);
        }

        @Test
        void ifModifiedSinceTheLastChangeAnswers304() throws InterruptedException {
            String slug = createAuthor(unique("Since"));
            // HTTP dates count whole seconds: a date validates only once the second of the last change is over
            Thread.sleep(1100);
            String modified = anonymous().when().get(AUTHORS + "/" + slug).then().extract().header("Last-Modified");
            anonymous().header("If-Modified-Since", modified)
                    .when().get(AUTHORS + "/" + slug)
                    .then().statusCode(304);
        }

        @Test
        void unknownSlugAnswers404Problem() {
            anonymous().when().get(AUTHORS + "/no-such-author-anywhere")
                    .then().statusCode(404)
                    .contentType(PROBLEM_JSON)
                    .header("Cache-Control", equalTo("no-store"))
                    .body("type", equalTo("urn:content-api:problem:not-found"))
                    .body("title", equalTo("Not Found"))
                    .body("status", equalTo(404))
                    .body("detail", equalTo("No author 'no-such-author-anywhere' exists."))
                    .body("instance", equalTo(AUTHORS + "/no-such-author-anywhere"));
        }

        @Test
        void anUnknownOrMalformedKeyAnswers401EvenOnAPublicRead() {
            withKey("cak_not-a-key").when().get(AUTHORS)
                    .then().statusCode(401)
                    .contentType(PROBLEM_JSON);
            offContract().header("Authorization", "Basic dXNlcjpwYXNz").when().get(AUTHORS)
                    .then().statusCode(401)
                    .contentType(PROBLEM_JSON);
        }
    }

    @Nested
    class Listing {

        @Test
        void theListIsSortedByNameAndWalkedByCursorWithLinkHeaders() {
            String run = unique("Pagewalk");
            createAuthor(run + " Charlie");
            createAuthor(run + " alpha");
            createAuthor(run + " Bravo");

            List<String> slugs = walk(2);

            String prefix = run.toLowerCase();
            List<String> ours = slugs.stream().filter(s -> s.startsWith(prefix)).toList();
            assertThat(ours).containsExactly(prefix + "-alpha", prefix + "-bravo", prefix + "-charlie");
            assertThat(slugs).doesNotHaveDuplicates();
            int first = slugs.indexOf(prefix + "-alpha");
            assertThat(slugs.subList(first, first + 3)).isEqualTo(ours);
        }

        @Test
        void aRowAddedBeforeTheCursorMeanwhileShiftsNothing() {
            String run = unique("Keyset");
            createAuthor(run + " b");
            createAuthor(run + " c");
            createAuthor(run + " d");
            // walk one by one until our first row, then add a row that sorts before it
            String cursor = null;
            List<String> seen = new ArrayList<>();
            while (!seen.contains(run + " b")) {
                Response page = page(1, cursor);
                seen.addAll(page.path("items.name"));
                cursor = page.path("next");
            }
            createAuthor(run + " a");
            List<String> rest = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Response page = page(1, cursor);
                rest.addAll(page.path("items.name"));
                cursor = page.path("next");
            }
            assertThat(rest).containsExactly(run + " c", run + " d");
        }

        @Test
        void aListCarriesValidatorsAndAnswers304() {
            createAuthor(unique("Listed"));
            Response first = anonymous().queryParam("limit", 5).when().get(AUTHORS)
                    .then().statusCode(200)
                    .header("ETag", notNullValue())
                    .header("Last-Modified", notNullValue())
                    .header("Surrogate-Key", equalTo("authors"))
                    .header("Link", containsString("rel=\"next\""))
                    .extract().response();
            anonymous().queryParam("limit", 5).header("If-None-Match", first.header("ETag"))
                    .when().get(AUTHORS)
                    .then().statusCode(304);
        }

        @Test
        void theLastPageHasNoNext() {
            String cursor = null;
            Response page;
            do {
                page = page(100, cursor);
                cursor = page.path("next");
            } while (cursor != null);
            assertThat(page.header("Link")).isNull();
            assertThat((Object) page.path("next")).isNull();
        }

        @Test
        void aLimitOutOfRangeAnswers400NamingIt() {
            offContract().queryParam("limit", 0).when().get(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("limit"))
                    .body("violations[0].in", equalTo("query"));
            offContract().queryParam("limit", 101).when().get(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void aTamperedCursorAnswers400Problem() {
            createAuthor(unique("Tamper"));
            createAuthor(unique("Tamper"));
            String cursor = page(1, null).path("next");
            String tampered = (cursor.charAt(0) == 'A' ? "B" : "A") + cursor.substring(1);
            anonymous().queryParam("cursor", tampered).when().get(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:invalid-cursor"));
            anonymous().queryParam("cursor", "garbage").when().get(AUTHORS)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void anEmptyPageIsStillAPage() {
            // a valid cursor past the last author
            String cursor = null;
            Response page;
            do {
                page = page(100, cursor);
                cursor = page.path("next");
            } while (cursor != null);
            assertThat(page.<List<?>>path("items")).isNotNull();
        }

        /** The slugs of the whole list, page by page. */
        private List<String> walk(int limit) {
            List<String> slugs = new ArrayList<>();
            String cursor = null;
            do {
                Response page = page(limit, cursor);
                slugs.addAll(page.path("items.slug"));
                cursor = page.path("next");
                if (cursor != null) {
                    assertThat(page.header("Link")).contains("cursor=").contains("rel=\"next\"");
                }
            } while (cursor != null);
            return slugs;
        }

        private Response page(int limit, String cursor) {
            var request = anonymous().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            return request.when().get(AUTHORS).then().statusCode(200).contentType(ContentType.JSON).extract().response();
        }
    }

    @Nested
    class Updating {

        @Test
        void putReplacesEveryFieldAndKeepsALeftOutSlug() {
            String slug = createAuthor(unique("Full Update"));
            Map<String, Object> body = Map.of("name", "Renamed Person", "role", "Columnist");
            asAdmin().contentType(ContentType.JSON).body(body)
                    .when().put(AUTHORS + "/" + slug)
                    .then().statusCode(200)
                    .header("ETag", endsWith(".1\""))
                    .body("slug", equalTo(slug))
                    .body("name", equalTo("Renamed Person"))
                    .body("role", equalTo("Columnist"))
                    .body("bio", nullValue())
                    .body("links", empty())
                    .body("publications", empty())
                    .body("version", equalTo(1));
        }

        @Test
        void putWithANewSlugRenames() {
            String slug = createAuthor(unique("Old Slug"));
            String renamed = unique("new-slug");
            Map<String, Object> body = author("Whoever");
            body.put("slug", renamed);
            asAdmin().contentType(ContentType.JSON).body(body)
                    .when().put(AUTHORS + "/" + slug)
                    .then().statusCode(200)
                    .body("slug", equalTo(renamed));
            anonymous().when().get(AUTHORS + "/" + renamed).then().statusCode(200);
        }

        @Test
        void aStaleIfMatchAnswers412AndWritesNothing() {
            String slug = createAuthor(unique("Two Editors"));
            String etag = anonymous().when().get(AUTHORS + "/" + slug).then().extract().header("ETag");
            Map<String, Object> first = author("First Editor's Name");
            asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(first)
                    .when().put(AUTHORS + "/" + slug)
                    .then().statusCode(200);
            Map<String, Object> second = author("Second Editor's Name");
            asAdmin().header("If-Match", etag).contentType(ContentType.JSON).body(second)
                    .when().put(AUTHORS + "/" + slug)
                    .then().statusCode(412)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:stale-version"));
            anonymous().when().get(AUTHORS + "/" + slug).then().body("name", equalTo("First Editor's Name"));
        }

        @Test
        void mergePatchChangesOnlyWhatItNamesAndNullEmpties() {
            String slug = createAuthor(unique("Patch Me"));
            String etag = anonymous().when().get(AUTHORS + "/" + slug).then().extract().header("ETag");
            asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                    .body("{\"location\": \"Lisbon\", \"bio\": null}")
                    .when().patch(AUTHORS + "/" + slug)
                    .then().statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("location", equalTo("Lisbon"))
                    .body("bio", nullValue())
                    .body("role", equalTo("Contributing Editor"))
                    .body("publications", contains("The Northern Review", "Harbor Quarterly"));
            asAdmin().header("If-Match", etag).contentType("application/merge-patch+json")
                    .body("{\"location\": \"Porto\"}")
                    .when().patch(AUTHORS + "/" + slug)
                    .then().statusCode(412);
        }

        @Test
        void mergePatchIsValidatedLikeAFullUpdate() {
            String slug = createAuthor(unique("Patch Invalid"));
            offContractAsAdmin()
                    .contentType("application/merge-patch+json").body("{\"name\": \"\"}")
                    .when().patch(AUTHORS + "/" + slug)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("name"));
            offContractAsAdmin()
                    .contentType("application/merge-patch+json").body("{\"nickname\": \"x\"}")
                    .when().patch(AUTHORS + "/" + slug)
                    .then().statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("nickname"));
            asAdmin().contentType("application/merge-patch+json").body("{\"slug\": null}")
                    .when().patch(AUTHORS + "/" + slug)
                    .then().statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("violations.field", hasItem("slug"));
        }

        @Test
        void aPatchSentAsPlainJsonAnswers415() {
            String slug = createAuthor(unique("Patch Type"));
            offContractAsAdmin()
                    .contentType(ContentType.JSON).body("{\"location\": \"Lisbon\"}")
                    .when().patch(AUTHORS + "/" + slug)
                    .then().statusCode(415)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void anAuthorKeyMayUpdateItsOwnAuthorOnly() {
            String own = createAuthor(unique("Own Profile"));
            String other = createAuthor(unique("Other Profile"));
            String key = newKey("author", own);
            withKey(key).contentType("application/merge-patch+json").body("{\"location\": \"Tromsø\"}")
                    .when().patch(AUTHORS + "/" + own)
                    .then().statusCode(200)
                    .body("location", equalTo("Tromsø"));
            withKey(key).contentType("application/merge-patch+json").body("{\"location\": \"Elsewhere\"}")
                    .when().patch(AUTHORS + "/" + other)
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void updatingAnUnknownAuthorAnswers404() {
            asAdmin().contentType(ContentType.JSON).body(author("Nobody"))
                    .when().put(AUTHORS + "/nobody-at-all-here")
                    .then().statusCode(404)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void renamingToATakenSlugAnswers409() {
            String taken = createAuthor(unique("Holder"));
            String slug = createAuthor(unique("Wants It"));
            asAdmin().contentType("application/merge-patch+json").body(Map.of("slug", taken))
                    .when().patch(AUTHORS + "/" + slug)
                    .then().statusCode(409)
                    .contentType(PROBLEM_JSON);
        }
    }

    @Nested
    class Deleting {

        @Test
        void deleteAnswers204AndTheAuthorIsGone() {
            String slug = createAuthor(unique("Short Lived"));
            asAdmin().when().delete(AUTHORS + "/" + slug).then().statusCode(204);
            anonymous().when().get(AUTHORS + "/" + slug).then().statusCode(404);
        }

        @Test
        void anAuthorWhoseContentRemainsAnswers409NamingIt() {
            String slug = createAuthor(unique("In Use"));
            String key = newKey("author", slug);
            asAdmin().when().delete(AUTHORS + "/" + slug)
                    .then().statusCode(409)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo("urn:content-api:problem:author-in-use"))
                    .body("detail", containsString("1 active API key"));
            String keyId = asAdmin().when().get("/api/v1/keys").then().extract()
                    .path("items.find { it.author == '" + slug + "' }.id");
            asAdmin().when().delete("/api/v1/keys/" + keyId).then().statusCode(204);
            asAdmin().when().delete(AUTHORS + "/" + slug).then().statusCode(204);
            assertThat(key).startsWith("cak_");
        }

        @Test
        void aStaleIfMatchAnswers412AndDeletesNothing() {
            String slug = createAuthor(unique("Guarded"));
            String etag = anonymous().when().get(AUTHORS + "/" + slug).then().extract().header("ETag");
            asAdmin().contentType("application/merge-patch+json").body("{\"role\": \"Critic\"}")
                    .when().patch(AUTHORS + "/" + slug).then().statusCode(200);
            asAdmin().header("If-Match", etag).when().delete(AUTHORS + "/" + slug)
                    .then().statusCode(412)
                    .contentType(PROBLEM_JSON);
            anonymous().when().get(AUTHORS + "/" + slug).then().statusCode(200);
        }

        @Test
        void onlyAdminsAndEditorsDelete() {
            String slug = createAuthor(unique("Protected"));
            withKey(newKey("author", slug)).when().delete(AUTHORS + "/" + slug)
                    .then().statusCode(403)
                    .contentType(PROBLEM_JSON);
            offContract().when().delete(AUTHORS + "/" + slug)
                    .then().statusCode(401)
                    .contentType(PROBLEM_JSON);
        }

        @Test
        void deletingAnUnknownAuthorAnswers404() {
            asAdmin().when().delete(AUTHORS + "/never-existed-here")
                    .then().statusCode(404)
                    .contentType(PROBLEM_JSON);
        }
    }
}
