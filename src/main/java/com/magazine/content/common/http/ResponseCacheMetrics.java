package com.magazine.content.common.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The response cache's metrics, read from its counters at each scrape: {@code content_response_cache_requests_total
 * {result=hit|miss}}, {@code content_response_cache_purges_total}, {@code content_response_cache_bytes} and
 * {@code content_response_cache_entries}; the requests that waited for an answer another was making,
 * {@code content_response_cache_coalesced_total{result=hit|miss|timeout}}, and those waiting now,
 * {@code content_response_cache_waiting}; and {@code content_change_log_lag_seconds}, how far behind the change log
 * this instance's purges run. For what is kept in memory by id ({@link KeptInMemory}: authors, assets, quotations),
 * {@code content_kept_in_memory_entries{kind}} and {@code content_kept_in_memory_reads_total{kind, result=hit|miss}}.
 */
@ApplicationScoped
public class ResponseCacheMetrics implements MeterBinder {

    private final ResponseCache cache;
    private final AnswersInFlight inFlight;
    private final CachePurges purges;
    private final java.util.List<KeptInMemory<?>> kept;

    ResponseCacheMetrics(ResponseCache cache, AnswersInFlight inFlight, CachePurges purges,
            jakarta.enterprise.inject.Instance<Purgeable> purgeables) {
        this.kept = purgeables.stream().filter(KeptInMemory.class::isInstance)
                .<KeptInMemory<?>>map(purgeable -> (KeptInMemory<?>) purgeable).toList();
        this.cache = cache;
        this.inFlight = inFlight;
        this.purges = purges;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("content.response.cache.requests", cache, ResponseCache::hits)
                .tag("result", "hit").description("Anonymous reads answered from the response cache")
                .register(registry);
        FunctionCounter.builder("content.response.cache.requests", cache, ResponseCache::misses)
                .tag("result", "miss").description("Anonymous reads the response cache could not answer")
                .register(registry);
        FunctionCounter.builder("content.response.cache.purges", cache, ResponseCache::purges)
                .description("Purges of the response cache (changes made here or read from the change log)")
                .register(registry);
        Gauge.builder("content.response.cache.size", cache, ResponseCache::bytes).baseUnit("bytes")
                .description("Bytes the response cache holds").register(registry);
        Gauge.builder("content.response.cache.entries", cache, ResponseCache::size)
                .description("Answers the response cache holds").register(registry);
        for (AnswersInFlight.Outcome outcome : AnswersInFlight.Outcome.values()) {
            FunctionCounter.builder("content.response.cache.coalesced", inFlight, f -> f.coalesced(outcome))
                    .tag("result", outcome.tag())
                    .description("Anonymous reads that waited for the same answer another request was making: "
                            + "answered with it (hit), or making their own when it was not kept (miss) or took too "
                            + "long (timeout)")
                    .register(registry);
        }
        Gauge.builder("content.response.cache.waiting", inFlight, AnswersInFlight::waiting)
                .description("Anonymous reads waiting now for an answer another request is making")
                .register(registry);
        Gauge.builder("content.change.log.lag", purges, CachePurges::lagSeconds).baseUnit("seconds")
                .description("How long after its commit this instance read the last change it purged for")
                .register(registry);
        for (KeptInMemory<?> memory : kept) {
            String kind = memory.kind();
            Gauge.builder("content.kept.in.memory.entries", memory, KeptInMemory::size).tag("kind", kind)
                    .description("What is kept in memory by id, to be embedded in answers without a query")
                    .register(registry);
            FunctionCounter.builder("content.kept.in.memory.reads", memory, KeptInMemory::hits).tag("kind", kind)
                    .tag("result", "hit").description("Ids asked for and found in memory").register(registry);
            FunctionCounter.builder("content.kept.in.memory.reads", memory, KeptInMemory::misses).tag("kind", kind)
                    .tag("result", "miss").description("Ids asked for and read from the database")
                    .register(registry);
        }
    }
}
