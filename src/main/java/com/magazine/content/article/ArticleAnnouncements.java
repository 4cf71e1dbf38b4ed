package com.magazine.content.article;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Announces scheduled articles once their instant passes, and expired ones once their expiry does, every few seconds on every instance. */
@ApplicationScoped
class ArticleAnnouncements {

    private static final Logger LOG = Logger.getLogger(ArticleAnnouncements.class);

    private final ArticleCommandService articles;

    ArticleAnnouncements(ArticleCommandService articles) {
        this.articles = articles;
    }

    @Scheduled(every = "${content.articles.announce-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announceDue() {
        int announced = articles.announceDue();
        if (announced > 0) {
            LOG.debugf("Announced %d scheduled article(s)", announced);
        }
        int expired = articles.announceExpired();
        if (expired > 0) {
            LOG.debugf("Announced %d expired article(s)", expired);
        }
    }
}
