package com.magazine.content.backup;

import static com.magazine.content.support.Api.article;
import static com.magazine.content.support.Api.createAuthor;
import static com.magazine.content.support.Api.publishedArticle;
import static com.magazine.content.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Api;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The archive export reads each table in one statement through plain JDBC, which the statement counter does not see:
 * what it does count (the caller, through Hibernate) must not grow with the content.
 */
@QuarkusTest
class ExportCostTest {

    @Inject
    StatementCounter counter;

    @Test
    @Costed("/api/v1/export")
    void theExportCostsTheSameHowEverMuchContentThereIs() {
        long before = counter.get(ExportCostTest::admin, "/api/v1/export");
        for (int i = 0; i < 5; i++) {
            publishedArticle(article(unique("Archived"), createAuthor(unique("Archivist")), createAuthor(unique("Co"))));
        }
        long after = counter.get(ExportCostTest::admin, "/api/v1/export");
        assertThat(after).isEqualTo(before).isZero();
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().accept("application/zip, application/problem+json")
                .header("Authorization", "Bearer " + Api.ADMIN_KEY);
    }
}
