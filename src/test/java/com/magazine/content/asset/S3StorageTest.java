package com.magazine.content.asset;

import static com.magazine.content.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The same asset API with its files in an S3-compatible store (S3Proxy, a real S3-protocol server). */
@QuarkusTest
@TestProfile(S3StorageTest.S3Storage.class)
class S3StorageTest {

    public static class S3Storage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyServer.class));
        }
    }

    /** What the bucket holds, read with a client of our own. */
    private static List<String> keys(String prefix) {
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + S3ProxyServer.port()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL)))
                .build()) {
            return s3.listObjectsV2Paginator(r -> r.bucket(S3ProxyServer.BUCKET).prefix(prefix)).contents()
                    .stream().map(S3Object::key).filter(key -> !key.endsWith("/")).toList(); // folder markers
        }
    }

    @Test
    void uploadsAndRenditionsAreKeptInTheBucketAndLeaveItWithTheirAsset() throws Exception {
        byte[] bytes = TestImages.withExif(TestImages.jpeg(1000, 700, 21), 1);
        Response created = AssetResourceTest.upload(bytes, "image/jpeg");
        created.then().statusCode(201).body("width", equalTo(1000));
        String id = created.path("id");
        String sha = AssetResourceTest.sha256(bytes);
        assertThat(keys("originals/")).contains("originals/" + sha);
        assertThat(keys("masters/")).contains("masters/" + sha + ".jpg");
        String src = created.path("image.crops.'16x9'.src");
        byte[] served = AssetResourceTest.browser().when().get(src).then().statusCode(200)
                .contentType("image/jpeg").header("ETag", notNullValue()).extract().asByteArray();
        assertThat(TestImages.carriesExif(served)).isFalse();
        assertThat(keys("renditions/" + id + "/")).hasSize(1);
        // the second read comes from the bucket, the same bytes
        assertThat(AssetResourceTest.browser().when().get(src).then().statusCode(200).extract().asByteArray())
                .isEqualTo(served);
        asAdmin().when().delete("/api/v1/assets/" + id).then().statusCode(204);
        assertThat(keys("originals/")).doesNotContain("originals/" + sha);
        assertThat(keys("renditions/" + id + "/")).isEmpty();
    }

    @Test
    void anArticlesImagesAreRenderedFromTheBucket() {
        String id = AssetResourceTest.upload(TestImages.jpeg(1600, 1000, System.nanoTime()), "image/jpeg").then()
                .statusCode(201).extract().path("id");
        asAdmin().contentType("application/merge-patch+json").body(java.util.Map.of("alt", "A tug in the fog"))
                .when().patch("/api/v1/assets/" + id).then().statusCode(200);
        java.util.Map<String, Object> article = new java.util.HashMap<>(com.magazine.content.support.Api.article(
                com.magazine.content.support.Api.unique("Bucketed"), com.magazine.content.support.Api.createAuthor(
                        com.magazine.content.support.Api.unique("Bucket Writer"))));
        article.put("image", java.util.Map.of("assetId", id));
        String slug = com.magazine.content.support.Api.publishedArticle(article);
        Response read = com.magazine.content.support.Api.anonymous().when().get("/api/v1/articles/" + slug);
        read.then().statusCode(200).body("image.assetId", equalTo(id)).body("image.alt", equalTo("A tug in the fog"));
        String src = read.path("image.src");
        AssetResourceTest.browser().when().get(src).then().statusCode(200).contentType("image/jpeg");
        assertThat(keys("renditions/" + id + "/")).anyMatch(key -> key.endsWith("/full/1280.jpg"));
        asAdmin().when().delete("/api/v1/assets/" + id).then().statusCode(409);
    }

    @Test
    void aStoreThatCannotBeReachedIsA503WithRetryAfterNeverA500() {
        Response created = AssetResourceTest.upload(TestImages.jpeg(900, 600, 22), "image/jpeg");
        created.then().statusCode(201);
        String src = created.path("image.src");
        S3ProxyServer.end();
        try {
            AssetResourceTest.upload(TestImages.jpeg(900, 600, 23), "image/jpeg").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:content-api:problem:media-store-unavailable"));
            AssetResourceTest.browser().when().get(src).then().statusCode(503).header("Retry-After", notNullValue());
        } finally {
            S3ProxyServer.begin();
        }
        AssetResourceTest.browser().when().get(src).then().statusCode(200);
    }
}
