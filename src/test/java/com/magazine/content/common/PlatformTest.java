package com.magazine.content.common;

import static com.magazine.content.support.Api.PROBLEM_JSON;
import static com.magazine.content.support.Api.anonymous;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.offContract;
import static com.magazine.content.support.Api.platform;
import static com.magazine.content.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** What every resource shares: errors for what no resource handles, health, the contract, CORS, SQL per list. */
@QuarkusTest
class PlatformTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void anUnknownRouteAnswers404Problem() {
        offContract().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", containsString("/api/v1"))
                .body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void anUnsupportedMethodAnswers405Problem() {
        offContract().when().put("/api/v1/authors")
                .then().statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(405))
                .body("detail", equalTo("This path does not take PUT."));
    }

    @Test
    void anUnacceptableMediaTypeAnswers406Problem() {
        offContract().accept("text/csv").when().get("/api/v1/authors")
                .then().statusCode(406)
                .contentType(PROBLEM_JSON)
                .body("detail", containsString("application/json"));
    }

    @Test
    void healthReportsTheDatabase() {
        platform().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        platform().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theServedContractIsTheCommittedOne() throws Exception {
        String served = platform().when().get("/q/openapi").then().statusCode(200).extract().asString();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertThat(yaml.readTree(served)).isEqualTo(yaml.readTree(Files.readString(Path.of("openapi/openapi.yaml"))));
        platform().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"));
    }

    @Test
    void browsersMayCallFromAnotherOrigin() {
        platform().header("Origin", "https://www.magazine.example")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when().options("/api/v1/authors/someone")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://www.magazine.example"))
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
        anonymous().header("Origin", "https://www.magazine.example")
                .when().get("/api/v1/authors")
                .then().statusCode(200)
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void aListCostsTheSameStatementsWhateverItsSize() {
        for (int i = 0; i < 30; i++) {
            createAuthor(unique("Counted"));
        }
        long small = statementsFor(2);
        long large = statementsFor(30);
        assertThat(large).isEqualTo(small).isLessThanOrEqualTo(2);
    }

    /** The least of a few runs: background jobs share the counters and can only add to them. */
    private long statementsFor(int limit) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            statistics.clear();
            anonymous().queryParam("limit", limit).when().get("/api/v1/authors").then().statusCode(200);
            least = Math.min(least, statistics.getPrepareStatementCount());
        }
        return least;
    }
}
