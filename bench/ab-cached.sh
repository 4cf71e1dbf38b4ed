#!/usr/bin/env bash
# The cached read path, before and after a change: bash bench/ab-cached.sh <base commit> [articles, default 5000]
#
# Builds the production jar of <base commit> (in a temporary worktree) and of the working tree, fills one PostgreSQL
# database with bench/generate.sql, and measures both jars with the response cache on, as production runs, on the
# read scenarios whose answers it keeps: (a) one article by slug, (b) the 20 latest, (d) an article's comments,
# (g) the RSS feed. The two jars take turns (A B A B), so that a machine whose load drifts affects both alike; each
# figure is the better of the two turns. Prints a Markdown table (also left in the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=${1:?usage: bench/ab-cached.sh <base commit> [articles]}
N=${2:-5000}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-5s}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms224m -Xmx224m -XX:+UseSerialGC}
PORT=8080
WORK=$(mktemp -d /tmp/content-ab.XXXX)
DB="bench_ab_$N"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
log() { printf '\n== %s\n' "$*" >&2; }
APP_PID=
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
  git worktree remove --force "$WORK/base" 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk >/dev/null && command -v pg_ctlcluster >/dev/null || {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql >/dev/null
}
version=$(ls /etc/postgresql | sort -V | tail -n 1)
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do as_root su postgres -c "pg_isready -q" && break; sleep 1; done
as_root su postgres -c "psql -qc \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'bench')
  then create role bench login password 'bench' superuser; end if; end \\\$\\\$;\""
as_root su postgres -c "dropdb --if-exists $DB" && as_root su postgres -c "createdb -O bench $DB"
sql() { PGPASSWORD=bench psql -h localhost -U bench -d "$DB" -qtA "$@"; }

log "building the jars: $BASE and the working tree"
git worktree add -q --detach "$WORK/base" "$BASE"
(cd "$WORK/base" && ./mvnw -B -q -ntp package -DskipTests)
./mvnw -B -q -ntp package -DskipTests
declare -A JARS=([A]="$WORK/base/target/quarkus-app/quarkus-run.jar" [B]="$PWD/target/quarkus-app/quarkus-run.jar")

start() { # $1: A or B
  CONTENT_LIMITS_ENABLED=false QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:5432/$DB" \
  QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false \
  CONTENT_PAGING_CURSOR_SECRET=bench-cursor-secret-0123456789abcdef0123456789 \
  CONTENT_WEBHOOKS_SECRET_KEY=bench:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= \
  QUARKUS_DATASOURCE_USERNAME=bench QUARKUS_DATASOURCE_PASSWORD=bench QUARKUS_HTTP_PORT=$PORT \
    java $JAVA_OPTS -jar "${JARS[$1]}" > "$WORK/app-$1.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "the service did not start; see $WORK/app-$1.log" >&2; exit 1
}
stop() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

start A   # the base migrates the empty database first; the working tree's newer migrations follow at its start
          # (and the base then runs on them: Flyway's validation, which refuses migrations it does not know, is off)
log "generating $N articles"
sql -v n="$N" -f bench/generate.sql > "$WORK/generate.log"
python3 - "$WORK" "$N" <<'PY'
import random, sys
work, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
slugs = [f"article-{random.randint(1, n)}" for _ in range(1000)]
paths = {"a": [f"/api/v1/articles/{s}" for s in slugs], "b": ["/api/v1/articles?limit=20"],
         "d": [f"/api/v1/articles/{s}/comments" for s in slugs], "g": ["/feeds/articles.rss"]}
for name, lines in paths.items():
    open(f"{work}/{name}.paths", "w").write("\n".join(lines) + "\n")
PY
stop

measure() { # $1 paths file, $2 duration: "req/s p99-ms"
  wrk -t2 -c32 -d"$2" --latency -s bench/wrk/paths.lua "http://localhost:$PORT" -- "$1" 2>&1 | python3 -c '
import re, sys
t = sys.stdin.read()
m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
p99 = float("nan") if not m else float(m.group(1)) / 1000 if m.group(2) == "us" else float(m.group(1)) * (1000 if m.group(2) == "s" else 1)
r = re.search(r"Requests/sec:\s+([\d.]+)", t)
print(f"{float(r.group(1)) if r else 0:.0f} {p99:.2f}")'
}

declare -A BEST
for turn in 1 2; do
  for jar in A B; do
    start $jar
    for s in a b d g; do
      # every answer asked for once first, as a CDN's misses would; then the warm-up and the measurement
      python3 - "$WORK/$s.paths" "$PORT" <<'PY'
import sys, urllib.request
for path in open(sys.argv[1]).read().split():
    urllib.request.urlopen(f"http://localhost:{sys.argv[2]}{path}").read()
PY
      measure "$WORK/$s.paths" "$WARMUP" > /dev/null
      read -r rps p99 <<< "$(measure "$WORK/$s.paths" "$DURATION")"
      log "turn $turn, $jar, $s: $rps req/s, p99 $p99 ms"
      prev=${BEST[$jar$s]:-0 0}
      if [ "${rps%.*}" -gt "${prev%% *}" ]; then BEST[$jar$s]="$rps $p99"; fi
    done
    stop
  done
done

{
  printf 'Cached reads, %s articles, %s (%s cores), %s per measurement, better of two turns each; A = %s, B = %s.\n\n' \
    "$N" "$(date -u +%Y-%m-%d)" "$(nproc)" "$DURATION" "$(git rev-parse --short "$BASE")" \
    "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes')"
  printf '| scenario | A req/s | A p99 ms | B req/s | B p99 ms | B/A |\n|---|---:|---:|---:|---:|---:|\n'
  declare -A LABEL=([a]="(a) one article by slug" [b]="(b) the 20 latest" [d]="(d) an article's comments" [g]="(g) RSS feed")
  for s in a b d g; do
    read -r ar ap <<< "${BEST[A$s]}"; read -r br bp <<< "${BEST[B$s]}"
    printf '| %s | %s | %s | %s | %s | %s%% |\n' "${LABEL[$s]}" "$ar" "$ap" "$br" "$bp" "$(( ar > 0 ? br * 100 / ar : 0 ))"
  done
} | tee "$WORK/ab.md"
