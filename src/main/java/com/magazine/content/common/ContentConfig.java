package com.magazine.content.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The service's own settings ({@code content.*}); each can be set from the environment, e.g.
 * {@code CONTENT_ADMIN_KEY}. README.md has the table.
 */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    /**
     * A bootstrap admin key: with it an operator creates the stored keys that people and partners use. Set it from a
     * secret store, never in a file.
     */
    Optional<String> adminKey();

    Http http();

    Paging paging();

    Demo demo();

    Comments comments();

    Articles articles();

    Site site();

    Feeds feeds();

    Webhooks webhooks();

    Limits limits();

    EmbeddedDb embeddedDb();

    Retention retention();

    Assets assets();

    Imports imports();

    /** Imports of other systems' exports (README: Moving a WordPress site). */
    interface Imports {

        /** Where uploaded files wait while their import runs (deleted when it ends). */
        @WithDefault("data/imports")
        String folder();

        /** The largest file taken over HTTP; larger archives are imported with the command line. */
        @WithDefault("64M")
        io.quarkus.runtime.configuration.MemorySize maxBytes();

        /** How often each instance looks for an import to run or take over ("off": never). */
        @WithDefault("5s")
        String pollEvery();

        /** How long a running import's claim lasts without progress before another instance may take it over. */
        @WithDefault("2M")
        java.time.Duration lease();
    }

    Backup backup();

    /** Export and restore of the whole content (README: Back up and restore). */
    interface Backup {

        /** The largest archive {@code POST /api/v1/restore} takes (announced by Content-Length). */
        @WithDefault("8G")
        io.quarkus.runtime.configuration.MemorySize maxBytes();
    }

    /** Images: what an upload may be, and where the files are kept (README: Assets). */
    interface Assets {

        /** The largest upload. */
        @WithDefault("25M")
        io.quarkus.runtime.configuration.MemorySize maxBytes();

        /** The most pixels an image may have (width x height), checked before it is decoded. */
        @WithDefault("60000000")
        long maxPixels();

        /** How many renditions (or uploads) are decoded and encoded at once; more wait their turn. */
        @WithDefault("2")
        int parallelEncodes();

        /** How many bytes of the renditions sent most lately are kept in memory, to send them without reading files. */
        @WithDefault("32M")
        io.quarkus.runtime.configuration.MemorySize memory();

        /** Offer WebP renditions (made by the bundled libwebp encoder) where they are smaller than the JPEG. */
        @WithDefault("true")
        boolean webp();

        /** How often files no asset owns are looked for and removed ("off": never). */
        @WithDefault("30m")
        String sweepEvery();

        /** Where the files are kept: local (a folder) or s3 (any S3-compatible object store). */
        @WithDefault("local")
        String storage();

        /** The folder of the local storage. */
        @WithDefault("data/media")
        String localDir();

        S3 s3();

        /** An S3-compatible object store, for several instances (README: Assets, S3). */
        interface S3 {

            /** e.g. https://s3.eu-west-1.amazonaws.com or http://minio:9000; empty for AWS's default. */
            Optional<String> endpoint();

            @WithDefault("content-media")
            String bucket();

            @WithDefault("us-east-1")
            String region();

            /** Empty: the SDK's default credentials (environment, profile, instance role). */
            Optional<String> accessKey();

            Optional<String> secretKey();

            /** Path-style addressing (bucket in the path), as MinIO and most self-hosted stores want. */
            @WithDefault("true")
            boolean pathStyle();

            /** Create the bucket at start-up if it does not exist. */
            @WithDefault("false")
            boolean createBucket();
        }
    }

    /** How long the change log and webhook deliveries are kept; older rows are pruned in small batches. */
    interface Retention {

        /** The change feed reaches this far back; a cursor from before it answers 410 (resync). */
        @WithDefault("30D")
        java.time.Duration changes();

        /** Delivered, failed and long-pending webhook deliveries older than this are removed. */
        @WithDefault("30D")
        java.time.Duration deliveries();

        /** Rows removed per statement, so that pruning never holds locks for long. */
        @WithDefault("1000")
        int batchSize();

        @WithDefault("10m")
        String every();
    }

    interface Http {

        /** The largest body of a request (JSON); uploads of assets have their own, content.assets.max-bytes. */
        @WithDefault("1M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();


        /** {@code Cache-Control} of successful anonymous reads (published content). */
        @WithDefault("public, max-age=60, stale-while-revalidate=300, stale-if-error=86400")
        String cacheControl();

        /** The in-memory cache of anonymous reads. */
        ResponseCache responseCache();

        /**
         * The reverse proxies and load balancers in front of the service (addresses or CIDR blocks): from them,
         * and only from them, the client's address is read from {@code X-Forwarded-For} (right to left). None by
         * default: the connection's peer is the client.
         */
        Optional<java.util.List<String>> trustedProxies();

        interface ResponseCache {

            @WithDefault("true")
            boolean enabled();

            /** The most body bytes it holds. */
            @WithDefault("32M")
            io.quarkus.runtime.configuration.MemorySize maxSize();

            /** The longest an answer is kept, whatever happens. */
            @WithDefault("60S")
            java.time.Duration ttl();

            /** How often the change log is read for changes made by other instances. */
            @WithDefault("1s")
            String pollEvery();

            /**
             * How long requests for an answer another request is already making wait for it (then each makes its
             * own), counted from when that one began; 0 turns the waiting off.
             */
            @WithDefault("2S")
            java.time.Duration coalesceTimeout();
        }
    }

    interface Paging {

        /**
         * The secret that signs paging cursors, at least 32 characters. Every instance behind one URL must share
         * it; the prod profile refuses to start without it (dev mode and tests make a random one per process).
         * Changing it only invalidates the cursors clients hold.
         */
        Optional<String> cursorSecret();
    }

    /** The public website the API serves, for links in feeds, sitemaps and structured data. */
    interface Site {

        @WithDefault("The Magazine")
        String name();

        @WithDefault("https://magazine.example")
        String url();

        /** An article's page; {slug} is replaced. An article's canonicalUrl, when set, wins. */
        @WithDefault("https://magazine.example/{slug}")
        String articleUrl();

        @WithDefault("https://magazine.example/authors/{slug}")
        String authorUrl();

        @WithDefault("https://magazine.example/tags/{slug}")
        String tagUrl();

        /** Where this API is reached from outside, for the links it sends when no request is at hand (WebSub). */
        @WithDefault("http://localhost:8080")
        String apiUrl();

        /** {@link #apiUrl()} without a trailing slash: what absolute links to this API start with. */
        default String apiBase() {
            return apiUrl().replaceAll("/$", "");
        }

        @WithDefault("en")
        String language();
    }

    interface Feeds {

        /** How many articles a feed carries, newest first. */
        @WithDefault("50")
        int size();

        /** WebSub hubs to name in the feeds and to notify when they change; none by default. */
        java.util.Optional<java.util.List<String>> websubHubs();
    }

    /**
     * Request rate limits per minute, kept by each instance (with several instances behind a balancer, a client gets
     * up to this many per instance). Admin and editor keys are not limited.
     */
    interface Limits {

        @WithDefault("true")
        boolean enabled();

        /** Requests a minute from one client address without a key. */
        @WithDefault("300")
        int anonymousPerMinute();

        /** Requests a minute with one partner or author key. */
        @WithDefault("1200")
        int keyPerMinute();

        /**
         * How long a key, once checked, is known without asking the database again. Revoking a key forgets it at
         * once on the instance that revokes it; other instances refuse it after at most this long.
         */
        @WithDefault("30S")
        java.time.Duration keyCacheTtl();

        /** How long a key found unknown (or revoked) is refused without asking the database again. */
        @WithDefault("30S")
        java.time.Duration unknownKeyCacheTtl();
    }

    interface Webhooks {

        /**
         * Allow targets on loopback, link-local and private addresses. Off: a webhook cannot be aimed at the service's
         * own network (SSRF).
         */
        @WithDefault("false")
        boolean allowPrivateTargets();

        /** How often each instance looks for deliveries to send. */
        @WithDefault("2s")
        String dispatchEvery();

        /** Deliveries claimed per look. */
        @WithDefault("10")
        int batchSize();

        /** Tries before a delivery is given up as failed. */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after the first failure; it doubles with each further one, up to six hours. */
        @WithDefault("10S")
        java.time.Duration retryBase();

        /** How long a receiver has to answer. */
        @WithDefault("5S")
        java.time.Duration timeout();

        /**
         * The key that seals webhook secrets at rest (AES-256-GCM), as {@code <id>:<base64 of 32 bytes>}; the id is
         * stored with each sealed secret. Required in the prod profile. To rotate: make the new key this one and move
         * the old one to {@link #oldSecretKeys()}; each instance re-seals the stored secrets with the new key at
         * start-up and hourly, after which the old key can go.
         */
        Optional<String> secretKey();

        /** Keys that sealed secrets before, same format, accepted for opening only. */
        Optional<java.util.List<String>> oldSecretKeys();
    }

    interface Articles {

        /** How often scheduled articles whose instant has passed are announced (change feed, webhooks). */
        @WithDefault("5s")
        String announceEvery();

        /** How long a draft preview token lasts when its creator does not say. */
        @WithDefault("1h")
        java.time.Duration previewLifetime();

        /** The longest a draft preview token may last. */
        @WithDefault("7d")
        java.time.Duration previewMaxLifetime();
    }

    /** The public comment form: moderation and abuse limits. */
    interface Comments {

        /** How deep replies nest: 3 means a comment, a reply, and a reply to that; deeper replies attach higher. */
        @WithDefault("3")
        int maxDepth();

        /** Approve at once the comments of an email address that had a comment approved before. */
        @WithDefault("false")
        boolean autoApproveKnownCommenters();

        /** A body with more links than this is held for moderation, whoever posts it. */
        @WithDefault("2")
        int maxLinks();

        /** Comments one client address may post per window. */
        @WithDefault("5")
        int perAddressLimit();

        /** Comments one email address may post per window. */
        @WithDefault("3")
        int perEmailLimit();

        @WithDefault("60S")
        java.time.Duration limitWindow();

        /** How long posters' IP addresses are kept for moderators before they are erased. */
        @WithDefault("30D")
        java.time.Duration addressRetention();
    }

    interface Demo {

        /** Load the demo content at start-up (on in dev mode). */
        @WithDefault("false")
        boolean enabled();
    }

    /**
     * The embedded PostgreSQL started when no datasource URL is set. Read before Quarkus starts, from system
     * properties and the environment only (see EmbeddedDatabase); listed here so that they are documented and known.
     */
    interface EmbeddedDb {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("data/postgres")
        String dir();

        /** 0 picks a free port. */
        @WithDefault("0")
        int port();
    }
}
