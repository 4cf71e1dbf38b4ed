package com.magazine.content.wordpress;

import static com.magazine.content.support.Api.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import com.magazine.content.support.Api;
import com.magazine.content.support.Costed;
import com.magazine.content.support.StatementCounter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Imports, one, a page of them, or a page of one's report, cost the same SQL statements whatever the page's size. */
@QuarkusTest
class ImportCostTest {

    @Inject
    StatementCounter counter;

    @Inject
    ImportRunner runner;

    @Test
    @Costed({"/api/v1/imports", "/api/v1/imports/{id}", "/api/v1/imports/{id}/report"})
    void importsAndTheirReportsCostTheSameWhateverThePagesSize() {
        String token = WordPressImportTest.token();
        for (int i = 0; i < 22; i++) {
            start(site(token + i, 1));
        }
        String large = start(site(token, 24));
        while (runner.runDue()) {
            // the queued imports, these among them
        }
        long two = counter.get(Api::asAdmin, "/api/v1/imports?limit=2");
        long twenty = counter.get(Api::asAdmin, "/api/v1/imports?limit=20");
        // the page of imports
        assertThat(twenty).isEqualTo(two).isEqualTo(1);
        // the import
        assertThat(counter.get(Api::asAdmin, "/api/v1/imports/" + large)).isEqualTo(1);
        long twoEntries = counter.get(Api::asAdmin, "/api/v1/imports/" + large + "/report?limit=2");
        long twentyEntries = counter.get(Api::asAdmin, "/api/v1/imports/" + large + "/report?limit=20");
        // the import; the page of its report
        assertThat(twentyEntries).isEqualTo(twoEntries).isEqualTo(2);
    }

    private static String start(String wxr) {
        return asAdmin().contentType("application/xml").body(wxr.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(202).extract().path("id");
    }

    /** An export of {@code posts} posts that all claim one slug: every one after the first is reported. */
    private static String site(String token, int posts) {
        StringBuilder wxr = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
                <channel><title>Costed Pages</title><link>https://%1$s.costed.example</link>
                <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://%1$s.costed.example</wp:base_site_url>
                <wp:author><wp:author_id>1</wp:author_id><wp:author_login>%1$sed</wp:author_login>
                <wp:author_display_name>Edda Lund</wp:author_display_name></wp:author>
                """.formatted(token));
        for (int i = 1; i <= posts; i++) {
            wxr.append("""
                    <item><title>Post %2$d</title><dc:creator><![CDATA[%1$sed]]></dc:creator>
                    <content:encoded><![CDATA[<p>Words, %2$d.</p>]]></content:encoded>
                    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
                    <wp:post_id>%2$d</wp:post_id><wp:post_date_gmt>2024-05-01 10:00:00</wp:post_date_gmt>
                    <wp:post_name>%1$s-same</wp:post_name><wp:status>draft</wp:status>
                    <wp:post_type>post</wp:post_type></item>
                    """.formatted(token, i));
        }
        return wxr.append("</channel></rss>\n").toString();
    }
}
