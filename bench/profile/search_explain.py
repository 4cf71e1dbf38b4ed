#!/usr/bin/env python3
"""PostgreSQL's own time for the search and list statements of the bench, at one database size.

    python3 bench/profile/search_explain.py DATABASE OUT_PREFIX [--sql DIR] [--runs 5] [--generic | --auto PASSES]
        [--only search,newest,count,latest,tag] [--terms N]

Runs each statement under EXPLAIN (ANALYZE, BUFFERS) in one psql session per statement: one warm-up, then --runs
measured runs; prints a Markdown table (median planning and execution time, min and max execution, shared buffers of
the last run, the rows the search ranked, whether JIT compiled) and writes the last plan of each to OUT_PREFIX.txt.

The statements are the service's own, as Hibernate logged them (QUARKUS_HIBERNATE_ORM_LOG_SQL=true), kept in
bench/profile/sql/*.sql (this branch) and sql/before/*.sql (before it) with their `?` placeholders: search-page (the
bench's scenario e, sort=relevance), search-newest-page (the same search in the default order, newest first),
search-count (count=true), latest-page (the 20 latest), tag-page (tag-7's first page). The values are put in as
literals, which gives the plan PostgreSQL makes for a prepared statement's custom plan. --generic runs them as
prepared statements with plan_cache_mode = force_generic_plan (the plan PostgreSQL may switch to after five executions
on one connection, once the JDBC driver has made the statement server-side). --auto prepares the search statement
once and executes it for every search in turn, PASSES times, with plan_cache_mode auto, and reports the last pass: what
a pooled connection of the service ends up running.

The searches (searches()): eight of the bench's shape, a rare kwN (in ~30 articles at any size) and one of its 40
common words (each in ~80% of the articles), then a rare word alone, a common word alone, two common words, a quoted
phrase of two common words, a common word without another, and a negation alone.
"""
import argparse
import os
import random
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = "2026-11-28 02:00:00+00"
# the bench's common words (bench/run.sh); each is in ~80% of the generated articles
WORDS = ("talks sanctions summit treaty envoy harbor tariff ports ships cranes winter window pressure patience freeze "
         "testing missile nuclear arms control diplomacy ledger trade economy towns payrolls gulls terminals cargo "
         "berths container weekly column review quarterly essay history archive council minister senate").split()


def searches(articles):
    """A dozen searches: eight of the bench's shape (a rare kwN and a common word), and the other shapes a reader
    types: a rare word alone, a common word alone, two common words, a quoted phrase of two common words."""
    keywords = max(100, articles // 10)
    rnd = random.Random(17)
    terms = [f"kw{rnd.randrange(keywords)} {rnd.choice(WORDS)}" for _ in range(8)]
    terms += [f"kw{rnd.randrange(keywords)}", "talks", "treaty talks", '"arms control"']
    # two more edge shapes: a common word without another (~0.6% of the articles), a negation alone (~20%)
    terms += ["talks -treaty", "-talks"]
    return terms


def psql(db, script):
    env = dict(os.environ, PGPASSWORD="bench")
    out = subprocess.run(["psql", "-h", "localhost", "-U", "bench", "-d", db, "-X", "-q", "-v", "ON_ERROR_STOP=1"],
                         input=script, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(out.stderr)
    return out.stdout


def literal(value):
    if isinstance(value, str) and value.startswith("ts:"):
        return f"cast('{value[3:]}' as timestamptz)"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def pg_type(value):
    return "timestamptz" if isinstance(value, str) and value.startswith("ts:") else \
        "uuid" if isinstance(value, str) and re.fullmatch(r"[0-9a-f-]{36}", value) else "varchar"


def statement(template, params, generic):
    parts = template.split("?")
    assert len(parts) == len(params) + 1, (len(parts) - 1, len(params))
    if not generic:
        sql = parts[0] + "".join(literal(p) + rest for p, rest in zip(params, parts[1:]))
        return "", f"explain (analyze, buffers) {sql};\n"
    sql = parts[0] + "".join(f"${i + 1}" + rest for i, rest in enumerate(parts[1:]))
    types = ", ".join(pg_type(p) for p in params)
    values = ", ".join(literal(p) for p in params)
    setup = f"set plan_cache_mode = force_generic_plan;\nprepare s({types}) as {sql};\n"
    return setup, f"explain (analyze, buffers) execute s({values});\n"


def search_params(template, words, ts):
    """The words, the instant four times (public visibility, twice), and the words again for the plan guard."""
    params = [words, ts, ts, ts, ts]
    return params + [words] if template.count("?") == 6 else params


def auto(db, template, terms, ts, passes):
    """As the service runs it: one prepared statement on one connection, executed for each search in turn, plan_cache_mode
    auto; answers, for the last pass, whether PostgreSQL used a generic plan and how long it took."""
    setup, _ = statement(template, search_params(template, terms[0], ts), True)
    setup = setup.replace("set plan_cache_mode = force_generic_plan;\n", "")
    script = setup
    for _ in range(passes):
        for term in terms:
            _, explain = statement(template, search_params(template, term, ts), True)
            script += explain
    text = psql(db, script)
    plans = re.split(r"(?m)^\s+QUERY PLAN\s*$", text)[1:]
    result = []
    for term, plan in zip(terms, plans[-len(terms):]):
        generic = re.search(r"\$\d", plan) is not None
        execution = float(re.search(r"Execution Time: ([\d.]+) ms", plan).group(1))
        result.append((term, generic, execution, plan))
    return result


def measure(db, template, params, runs, generic):
    setup, explain = statement(template, params, generic)
    text = psql(db, setup + explain * (runs + 1))
    plans = re.split(r"(?m)^\s+QUERY PLAN\s*$", text)[1:]
    planning = [float(m) for m in re.findall(r"Planning Time: ([\d.]+) ms", text)][1:]
    execution = [float(m) for m in re.findall(r"Execution Time: ([\d.]+) ms", text)][1:]
    last = plans[-1]
    top = re.search(r"Buffers: shared hit=(\d+)(?: read=(\d+))?", last)
    ranked = None
    sort = re.search(r"Sort Key: \(ts_rank.*?\n(?:.*\n)*?.*?->.*?actual time=[\d.]+\.\.[\d.]+ rows=(\d+)", last)
    if sort:
        ranked = int(sort.group(1))
    jit = "JIT:" in last
    return {
        "planning": statistics.median(planning), "execution": statistics.median(execution),
        "min": min(execution), "max": max(execution),
        "buffers": f"{top.group(1)}" + (f"+{top.group(2)} read" if top and top.group(2) else "") if top else "",
        "ranked": ranked, "jit": jit, "plan": last.strip("-\n "),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("out")
    parser.add_argument("--sql", default=os.path.join(HERE, "sql"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--generic", action="store_true")
    parser.add_argument("--only", default="", help="comma-separated: search,newest,count,latest,tag")
    parser.add_argument("--terms", type=int, default=0, help="only the first N searches (the first 9 are the bench's)")
    parser.add_argument("--auto", type=int, default=0, metavar="PASSES",
                        help="instead: the searches in turn on one prepared statement, plan_cache_mode auto")
    args = parser.parse_args()
    articles = int(psql(args.db, "select count(*) from article where status = 'published';").split()[-3])
    tag = psql(args.db, "select id from tag where slug = 'tag-7';").split()[-3]
    ts = "ts:" + NOW
    read = lambda name: open(os.path.join(args.sql, name)).read().strip().rstrip(";")
    if args.auto:
        rows = auto(args.db, read("search-page.sql"), searches(articles), ts, args.auto)
        print(f"{args.db}: {articles} published articles, one prepared statement, {args.auto} passes over the "
              f"searches, plan_cache_mode auto; the last pass:")
        print("| terms | plan | execution ms |")
        print("|---|---|---:|")
        with open(args.out + ".txt", "w") as raw:
            for term, generic, execution, plan in rows:
                print(f"| {term} | {'generic' if generic else 'custom'} | {execution:.2f} |")
                raw.write(f"==== {term} ({args.db}, last of {args.auto} passes, "
                          f"{'generic' if generic else 'custom'} plan, execution {execution:.3f} ms)\n")
                raw.write(plan.strip("-\n ") + "\n\n")
        return
    cases = []
    kinds = set(args.only.split(",")) if args.only else {"search", "newest", "count", "latest", "tag"}
    for i, term in enumerate(searches(articles)[:args.terms or None]):
        for kind, file in (("search", "search-page.sql"), ("newest", "search-newest-page.sql"),
                           ("count", "search-count.sql")):
            if kind in kinds:
                template = read(file)
                cases.append((f"{kind}-{i + 1:02d}", term, template, search_params(template, term, ts)))
    if "latest" in kinds:
        cases.append(("latest", "20 latest", read("latest-page.sql"), [ts, ts, ts, ts]))
    if "tag" in kinds:
        cases.append(("tag", "tag-7, first page", read("tag-page.sql"), [ts, ts, ts, ts, tag]))
    print(f"{args.db}: {articles} published articles, {'generic' if args.generic else 'custom (literal)'} plans, "
          f"median of {args.runs} warm runs")
    print("| statement | terms | planning ms | execution ms (median) | min–max | buffers hit | rows ranked | JIT |")
    print("|---|---|---:|---:|---:|---:|---:|---|")
    with open(args.out + ".txt", "w") as raw:
        for name, label, template, params in cases:
            r = measure(args.db, template, params, args.runs, args.generic)
            print(f"| {name} | {label} | {r['planning']:.2f} | {r['execution']:.2f} | {r['min']:.2f}–{r['max']:.2f} "
                  f"| {r['buffers']} | {'' if r['ranked'] is None else r['ranked']} | {'yes' if r['jit'] else ''} |",
                  flush=True)
            raw.write(f"==== {name}: {label} ({args.db}, {'generic' if args.generic else 'custom'} plan; planning "
                      f"{r['planning']:.3f} ms, execution {r['execution']:.3f} ms median of {args.runs})\n")
            raw.write(r["plan"] + "\n\n")


if __name__ == "__main__":
    main()
