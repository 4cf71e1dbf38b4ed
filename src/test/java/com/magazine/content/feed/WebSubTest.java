package com.magazine.content.feed;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With a WebSub hub configured (a recorder on 127.0.0.1): feeds name it, and changes ping it. */
@QuarkusTest
@TestProfile(WebSubTest.WithHub.class)
class WebSubTest {

    public static class WithHub implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("content.feeds.websub-hubs", "http://127.0.0.1:" + socket.getLocalPort() + "/hub",
                        "content.site.api-url", "https://api.magazine.example");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @ConfigProperty(name = "content.feeds.websub-hubs")
    String hub;

    @Test
    void feedsNameTheHubAndAPublishPingsIt() throws Exception {
        int port = Integer.parseInt(hub.replaceAll(".*:(\\d+)/hub", "$1"));
        try (Receiver receiver = new Receiver(port, "/hub")) {
            given().when().get("/feeds/articles.atom").then().statusCode(200)
                    .body(containsString("rel=\"hub\" href=\"" + hub + "\""));
            given().when().get("/feeds/articles.json").then().statusCode(200)
                    .body("hubs[0].type", equalTo("WebSub")).body("hubs[0].url", equalTo(hub));

            String author = createAuthor(unique("Pinged"));
            publishedArticle(article(unique("Ping Worthy"), author));
            for (int i = 0; i < 50 && receiver.received.isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertThat(receiver.received).isNotEmpty();
            String body = URLDecoder.decode(receiver.received.get(0).body(), StandardCharsets.UTF_8);
            assertThat(body).startsWith("hub.mode=publish&")
                    .contains("hub.url=https://api.magazine.example/feeds/articles.rss")
                    .contains("hub.url=https://api.magazine.example/feeds/authors/" + author + ".atom")
                    .contains("hub.url=https://api.magazine.example/feeds/tags/diplomacy.json");
        }
    }
}
