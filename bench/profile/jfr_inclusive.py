#!/usr/bin/env python3
"""Aggregate jdk.ExecutionSample events of a JFR recording: self time by top frame, and inclusive time by
categories of our own code and of the frameworks (a sample counts once per category whose pattern occurs
anywhere in its stack). Usage: jfr print --json --stack-depth 256 --events jdk.ExecutionSample rec.jfr | python3 jfr_inclusive.py"""
import json, sys, collections

CATEGORIES = [  # (label, substring of "class.method")
    ("HTTP worker threads total (all request work)", "io.vertx.core.net.impl.ConnectionBase"),
    ("RESTEasy Reactive request handling", "org.jboss.resteasy.reactive.server.handlers"),
    ("ArticleViews (our view building)", "com.magazine.content.article.ArticleViews"),
    ("com.magazine.content.* (any of our code on stack)", "com.magazine.content."),
    ("  ArticleResource", "com.magazine.content.article.ArticleResource"),
    ("  ArticleQueryService", "com.magazine.content.article.ArticleQueryService"),
    ("  PublicArticles/PublicArticleRepository", "com.magazine.content.article.PublicArticle"),
    ("  Markup", "com.magazine.content.article.Markup"),
    ("  ArticleJsonLd", "com.magazine.content.article.ArticleJsonLd"),
    ("  FieldSelection", "com.magazine.content.common.json.FieldSelection"),
    ("  HttpCaching (ETag)", "com.magazine.content.common.http.HttpCaching"),
    ("  ResponseHeadersFilter", "com.magazine.content.common.http.ResponseHeadersFilter"),
    ("  SurrogateKeyFilter", "com.magazine.content.common.http.SurrogateKeyFilter"),
    ("  ResponseCacheFilters", "com.magazine.content.common.http.ResponseCacheFilters"),
    ("  ReadDependencies", "com.magazine.content.common.http.ReadDependencies"),
    ("  RequestGuard", "com.magazine.content.common.http.RequestGuard"),
    ("  RequestIds", "com.magazine.content.common.http.RequestIds"),
    ("  AuthenticationFilter", "com.magazine.content.access.AuthenticationFilter"),
    ("Hibernate ORM (any)", "org.hibernate."),
    ("Hibernate: loading/query execution", "org.hibernate.sql.exec"),
    ("Hibernate: flush/commit (auto-flush, dirty check)", "org.hibernate.event.internal.AbstractFlushingEventListener"),
    ("PostgreSQL JDBC driver", "org.postgresql."),
    ("Agroal pool", "io.agroal."),
    ("Narayana transactions", "com.arjuna."),
    ("Jackson (any)", "com.fasterxml.jackson."),
    ("Jackson tree (ObjectNode/valueToTree)", "com.fasterxml.jackson.databind.node."),
    ("Jackson serialisation (writeValue*)", "com.fasterxml.jackson.databind.ObjectWriter"),
    ("MessageDigest (ETag hashing)", "java.security.MessageDigest"),
    ("Markup/sanitiser (owasp/jsoup/commonmark)", "org.owasp."),
    ("jsoup", "org.jsoup."),
    ("commonmark", "org.commonmark."),
    ("logging (jboss logmanager)", "org.jboss.logmanager."),
    ("OpenTelemetry", "io.opentelemetry."),
    ("Micrometer", "io.micrometer."),
    ("Vert.x HTTP encode/write", "io.vertx.core.http.impl.Http1xServerResponse"),
    ("Netty", "io.netty."),
    ("regex (java.util.regex)", "java.util.regex."),
]

def frames(ev):
    st = ev["values"].get("stackTrace") or {}
    out = []
    for f in st.get("frames", []):
        m = f["method"]
        out.append(m["type"]["name"].replace("/", ".") + "." + m["name"])
    return out, ev["values"].get("sampledThread", {}).get("javaName") or ""

data = json.load(sys.stdin)
events = data["recording"]["events"]
total = len(events)
selfc, cat, ours, threads = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
ours_self = collections.Counter()
for ev in events:
    fr, th = frames(ev)
    threads[th.split("-")[0] if th else "?"] += 1
    if not fr:
        continue
    selfc[fr[0]] += 1
    joined = "\n".join(fr)
    for label, pat in CATEGORIES:
        if pat in joined:
            cat[label] += 1
    seen = set()
    for f in fr:
        if f.startswith("com.magazine.content.") and f not in seen:
            seen.add(f); ours[f] += 1
    for f in fr:  # innermost frame of ours
        if f.startswith("com.magazine.content."):
            ours_self[f] += 1; break

pct = lambda n: f"{100.0 * n / total:5.1f}%"
print(f"samples: {total}")
print("\n== threads"); [print(f"{pct(n)} {n:6d} {t}") for t, n in threads.most_common(10)]
print("\n== inclusive by category"); [print(f"{pct(cat[l])} {cat[l]:6d} {l}") for l, _ in CATEGORIES]
print("\n== self (top frame), top 40"); [print(f"{pct(n)} {n:6d} {m}") for m, n in selfc.most_common(40)]
print("\n== inclusive, our methods, top 50"); [print(f"{pct(n)} {n:6d} {m}") for m, n in ours.most_common(50)]
print("\n== innermost frame of ours (what our code calls into), top 30"); [print(f"{pct(n)} {n:6d} {m}") for m, n in ours_self.most_common(30)]
