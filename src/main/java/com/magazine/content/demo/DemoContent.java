package com.magazine.content.demo;

import com.magazine.content.author.AuthorInput;
import com.magazine.content.author.AuthorLink;
import com.magazine.content.author.AuthorService;
import com.magazine.content.common.ContentConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A small demo set, loaded at start-up when {@code content.demo.enabled} (on in dev mode), so that a fresh clone
 * answers something. Written for this project; loaded through the services, so it obeys the same rules as the API.
 * Rows that exist already are left alone. Tests never rely on it.
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

    void load(@Observes StartupEvent started, ContentConfig config, AuthorService authors) {
        if (!config.demo().enabled()) {
            return;
        }
        int created = 0;
        for (AuthorInput author : AUTHORS) {
            if (authors.idOf(author.slug()).isEmpty()) {
                authors.create(author);
                created++;
            }
        }
        LOG.infof("Demo content: %d author(s) added", created);
    }
}
