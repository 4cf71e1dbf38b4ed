package com.magazine.content.feed;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.asAdmin;
import static com.magazine.content.support.Api.editorKey;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.offContractAsAdmin;
import static com.magazine.content.support.Api.withKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the production default: webhooks may not target the service's own network. */
@QuarkusTest
class WebhookTargetTest {

    @Test
    void internalTargetsAreRefused() {
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
                "http://100.64.0.1/hook")) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("url", url, "events", List.of("*")))
                    .when().post("/api/v1/webhooks")
                    .then().statusCode(422)
                    .contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("url"))
                    .body("detail", containsString("internal address"));
        }
    }

    /** The spellings an outside probe got through before (issue 13), and their kin: each a 4xx problem. */
    @Test
    void internalAddressesInDisguiseAreRefused() {
        for (String url : List.of("http://[::ffff:127.0.0.1]/hook", "http://[::127.0.0.1]/hook",
                "http://[::a00:1]/hook", "http://[64:ff9b::7f00:1]/hook", "http://[2002:7f00:1::]/hook",
                "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", "http://2130706433/hook",
                "http://0177.0.0.1/hook", "http://0x7f.1/hook", "http://localhost./hook", "http://127.0.0.1./hook")) {
            int status = offContractAsAdmin().contentType(ContentType.JSON)
                    .body(Map.of("url", url, "events", List.of("*")))
                    .when().post("/api/v1/webhooks")
                    .then().contentType(PROBLEM_JSON)
                    .body("violations[0].field", equalTo("url"))
                    .extract().statusCode();
            org.assertj.core.api.Assertions.assertThat(status).as(url).isBetween(400, 422);
        }
    }

    @Test
    void invalidWebhooksAreRefusedAndOnlyAdminsAndPartnersManageThem() {
        offContractAsAdmin().contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://files.example.org/x", "events", List.of("article.exploded")))
                .when().post("/api/v1/webhooks")
                .then().statusCode(400)
                .body("violations.field", hasItem("url"))
                .body("violations.field", hasItem("events[0]"));
        withKey(editorKey()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example.org/h", "events", List.of("*")))
                .when().post("/api/v1/webhooks")
                .then().statusCode(403);
        offContract().when().get("/api/v1/webhooks").then().statusCode(401);
    }
}
