package com.magazine.content.demo;

import com.magazine.content.access.Role;
import com.magazine.content.article.ArticleInput;
import com.magazine.content.article.ArticleCommandService;
import com.magazine.content.article.ArticleDirectory;
import com.magazine.content.article.Block;
import com.magazine.content.author.AuthorInput;
import com.magazine.content.author.AuthorLink;
import com.magazine.content.author.AuthorService;
import com.magazine.content.common.ContentConfig;
import com.magazine.content.common.http.IfMatch;
import com.magazine.content.quotation.QuotationInput;
import com.magazine.content.quotation.QuotationService;
import com.magazine.content.quotation.Speaker;
import com.magazine.content.quotation.Work;
import com.magazine.content.quotation.WorkKind;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A small demo set, loaded at start-up when {@code content.demo.enabled} (on in dev mode), so that a fresh clone
 * answers something: two authors, two published articles and the quotations the first one cites, in the shape of an
 * opinion magazine's pages. Written for
 * this project; loaded through the services, so it obeys the same rules as the API. What exists already is left
 * alone. Tests never rely on it.
 */
@ApplicationScoped
class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    static final List<AuthorInput> AUTHORS = List.of(
            new AuthorInput("helen-varga", "Helen Varga", "Senior Editor",
                    "Helen Varga covers diplomacy, arms control and the long habits of great powers. Before joining "
                            + "the magazine she reported from Vienna on nuclear talks for a wire service. Her essays "
                            + "have run in several national papers and quarterlies, and she teaches a seminar on the "
                            + "history of treaties. She lives in Bath, Maine.",
                    "Bath, Maine",
                    List.of(new AuthorLink("Mastodon", "https://social.example.org/@hvarga"),
                            new AuthorLink("Newsletter", "https://letters.example.org/varga")),
                    List.of("The Northern Review", "Harbor Quarterly", "Civic Ledger", "The Weekly Compass"),
                    null),
            new AuthorInput("tomas-reyes-halloran", "Tomás Reyes Halloran", "Contributing Writer",
                    "Tomás Reyes Halloran writes about trade, shipping and the towns that live off both. He holds a "
                            + "doctorate in economic history and keeps a blog on ports and their ledgers.",
                    "Savannah, Georgia",
                    List.of(new AuthorLink("Website", "https://reyes-halloran.example.org")),
                    List.of("Harbor Quarterly", "The Atlantic Ledger"),
                    null));

    /** An article to publish at {@code publishedAt}, with quotations to create and quote at the given block indexes. */
    record DemoArticle(ArticleInput input, Instant publishedAt, Map<Integer, QuotationInput> quotes) {

        DemoArticle(ArticleInput input, Instant publishedAt) {
            this(input, publishedAt, Map.of());
        }

        /** The input with a quote block for each quotation, placed before the block at its index. */
        ArticleInput quoting(Map<Integer, UUID> quotationIds) {
            List<Block> body = new ArrayList<>();
            for (int i = 0; i <= input.body().size(); i++) {
                if (quotationIds.containsKey(i)) {
                    body.add(new Block.Quote("quote", quotationIds.get(i), null));
                }
                if (i < input.body().size()) {
                    body.add(input.body().get(i));
                }
            }
            return new ArticleInput(input.slug(), input.title(), input.subtitle(), input.excerpt(), input.authors(),
                    input.tags(), input.canonicalUrl(), input.commentsOpen(), body);
        }
    }

    static final List<DemoArticle> ARTICLES = List.of(
            new DemoArticle(new ArticleInput("the-long-thaw-that-never-came", "The Long Thaw That Never Came",
                    "Summits made headlines; the bargaining underneath them never started",
                    "Three years of photo opportunities left the hardest question untouched: what each side would "
                            + "accept short of everything it wanted.",
                    List.of("helen-varga"), List.of("Diplomacy", "Arms Control", "East Asia"), null, true,
                    List.of(
                            paragraph("When the second summit ended early, officials on both sides hurried to say "
                                    + "that the door was still open. It was, in the sense that nobody had shut it. "
                                    + "But an open door is not a conversation, and by then there had not been a "
                                    + "serious one for months."),
                            paragraph("The pattern is familiar to anyone who has followed arms talks. A grand "
                                    + "opening, a list of demands presented as the only acceptable outcome, and then "
                                    + "surprise when the other party treats the list as a reason to stop listening. "
                                    + "<em>Pressure</em> was supposed to do the work that patience would not."),
                            new Block.Heading("heading", 2, "What a smaller deal would have bought"),
                            paragraph("A freeze on testing, verified and reversible, would have been a modest "
                                    + "prize. It would also have been the first limit on the program in a decade. "
                                    + "Negotiators who have watched such freezes hold elsewhere note that they tend "
                                    + "to create the trust that larger bargains need."),
                            new Block.ListBlock("list", false, List.of(
                                    "A verified pause in missile and nuclear tests",
                                    "Partial, staged relief from the most punishing sanctions",
                                    "A standing channel between military officers")),
                            paragraph("None of this was on offer, because anything less than full disarmament was "
                                    + "treated as a defeat. The result is the worst of both: no disarmament, and no "
                                    + "limits either."))),
                    Instant.parse("2026-11-20T13:00:00Z"),
                    Map.of(
                            1, new QuotationInput("The envoy told lawmakers that the chance of a settlement would "
                                    + "not outlast the winter, and that the other side knew it as well as we did.",
                                    new Speaker("Ilse Baranek", "Staff writer, The Meridian", null),
                                    new Work("The Last Good Season for a Deal", WorkKind.article, null, "The Meridian",
                                            "https://meridian.example.org/last-good-season", null, "2026-11-12"),
                                    null, "en", null),
                            4, new QuotationInput("Every negotiation that demands surrender first ends before it "
                                    + "starts. The question is never whether to settle for less, only how much less, "
                                    + "and in return for what.",
                                    new Speaker("Oren Vasquez", "Historian of arms control", null),
                                    new Work("Edge of the Abyss", WorkKind.book, null, "Harbor Press", null, "p. 208",
                                            "2018"),
                                    null, "en", null))),
            new DemoArticle(new ArticleInput("ports-without-ships", "Ports Without Ships",
                    "What an empty harbor says about a trade war",
                    "The quiet at the container terminals is the loudest statistic of the year.",
                    List.of("tomas-reyes-halloran"), List.of("Trade", "Economy"), null, true,
                    List.of(
                            paragraph("Walk the edge of a container terminal in a slow month and you can hear the "
                                    + "gulls. In a busy one you cannot hear yourself. This autumn the gulls have "
                                    + "been very loud."),
                            paragraph("Tariffs are argued about in percentages, but they are felt in berths left "
                                    + "empty and cranes parked at rest, and in the towns whose payrolls follow the "
                                    + "ships."))),
                    Instant.parse("2026-11-18T09:30:00Z")));

    private static Block paragraph(String text) {
        return new Block.Paragraph("paragraph", text);
    }

    void load(@Observes StartupEvent started, ContentConfig config, Loader loader) {
        if (config.demo().enabled()) {
            loader.load();
        }
    }

    /** Loads as the system, with an admin identity, in a request context of its own. */
    @ApplicationScoped
    static class Loader {

        private final AuthorService authors;
        private final ArticleCommandService articles;
        private final ArticleDirectory directory;
        private final QuotationService quotations;
        private final CurrentIdentityAssociation identity;

        Loader(AuthorService authors, ArticleCommandService articles, ArticleDirectory directory, QuotationService quotations,
                CurrentIdentityAssociation identity) {
            this.authors = authors;
            this.articles = articles;
            this.directory = directory;
            this.quotations = quotations;
            this.identity = identity;
        }

        @ActivateRequestContext
        void load() {
            identity.setIdentity(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("system:demo"))
                    .addRole(Role.admin.name())
                    .build());
            int added = 0;
            for (AuthorInput author : AUTHORS) {
                if (authors.idOf(author.slug()).isEmpty()) {
                    authors.create(author);
                    added++;
                }
            }
            for (DemoArticle article : ARTICLES) {
                if (!directory.exists(article.input().slug())) {
                    Map<Integer, UUID> quoted = new HashMap<>();
                    article.quotes().forEach((index, quotation) -> quoted.put(index, quotations.create(quotation).id()));
                    articles.create(article.quoting(quoted));
                    articles.publish(article.input().slug(), article.publishedAt(), IfMatch.absent());
                    added += 1 + quoted.size();
                }
            }
            LOG.infof("Demo content: %d author(s), article(s) and quotation(s) added", added);
        }
    }
}
