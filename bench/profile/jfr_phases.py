#!/usr/bin/env python3
"""Where Hibernate time goes under each of our query methods: HQL parsing, SQM->SQL translation, JDBC execution,
result/entity loading, flush, transaction. Usage: jfr print --json --stack-depth 256 --events jdk.ExecutionSample rec.jfr | python3 jfr_phases.py"""
import json, sys, collections
PHASES = [  # first match, scanning from the top (innermost) frame outwards
    ("JDBC driver (org.postgresql)", "org.postgresql."),
    ("Agroal pool", "io.agroal."),
    ("HQL parse (org.hibernate.query.hql)", "org.hibernate.query.hql."),
    ("HQL interpretation cache/plan", "org.hibernate.query.internal.QueryInterpretationCacheStandardImpl"),
    ("SQM->SQL translation", "org.hibernate.query.sqm.sql."),
    ("SQL AST -> string", "org.hibernate.sql.ast.spi.AbstractSqlAstTranslator"),
    ("auto-flush before query", "org.hibernate.event.internal.DefaultAutoFlushEventListener"),
    ("flush/dirty checking", "org.hibernate.event.internal.AbstractFlushingEventListener"),
    ("result reading / entity loading", "org.hibernate.sql.results."),
    ("query execution (other)", "org.hibernate.sql.exec."),
    ("Narayana", "com.arjuna."),
    ("Hibernate other", "org.hibernate."),
]
ROOTS = ["com.magazine.content.author.AuthorRepository.list", "com.magazine.content.article.ArticleListRepository.bodies",
         "com.magazine.content.quotation.QuotationRepository.list", "com.magazine.content.article.ArticleRepository.findBySlug",
         "com.magazine.content.article.Article.summary", "com.magazine.content.access.Caller.has",
         "com.magazine.content.article.Representations.item", "com.magazine.content.article.ArticleQueryService_Subclass.get",
         "com.magazine.content.common.http.BodySizeLimit.check", "com.magazine.content.common.http.RequestIds.assign", None]
events = json.load(sys.stdin)["recording"]["events"]
total = len(events)
table = collections.defaultdict(collections.Counter); tops = collections.defaultdict(collections.Counter)
for ev in events:
    fr = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in (ev["values"].get("stackTrace") or {}).get("frames", [])]
    for root in ROOTS:
        if root is None or root in fr:
            below = fr if root is None else fr[:fr.index(root)]
            phase = "other"
            for f in below:
                hit = next((p for p, pat in PHASES if f.startswith(pat)), None)
                if hit: phase = hit; break
            table[root or "ALL"][phase] += 1
            tops[root or "ALL"][below[0] if below else "-"] += 1
            break
for root, c in table.items():
    n = sum(c.values())
    print(f"\n== {root}: {n} samples ({100*n/total:.1f}%)")
    for p, k in c.most_common(): print(f"   {100*k/total:5.1f}% {k:5d} {p}")
    print("   top frames:", "; ".join(f"{'.'.join(m.split('.')[-2:])} {k}" for m, k in tops[root].most_common(5)))
