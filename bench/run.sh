#!/usr/bin/env bash
# The benchmark, in one command: bash bench/run.sh [sizes…]   (default: 5000 1000000)
#
# For each size: a PostgreSQL database filled by bench/generate.sql, the production jar on it, and wrk (2 threads,
# 32 connections, over loopback) against seven read scenarios; then nginx serving a pre-rendered copy of the same
# answers, measured the same way, as the machine's reference. The service is measured with its response cache on (as
# it runs in production) and off (what the database path alone gives). Beside them the framework floor (bench/floor: a
# plain Quarkus + Panache endpoint reading the same article row by slug, and the 20 latest rows, with the same JVM
# flags) is measured on scenarios (a) and (b), the reference of the database path. Results go to bench/README.md.
#
# Needs root for apt-get (wrk, nginx, postgresql) and takes a while: about 35 minutes per size, most of it the JIT
# warm-ups, and the generation of 1,000,000 articles adds ~15 minutes more. BENCH_DURATION (default 15s) sets each
# measurement, BENCH_WARMUP (8s) the warm-up before each, BENCH_JIT_WARMUP (480, seconds) the load each JVM gets once
# when started (its scenarios in turns of 24 s).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("${@:-5000 1000000}")
read -r -a SIZES <<< "${SIZES[*]}"
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-8s}
# shell functions and settings shared with bench/profile/cpu-per-request.sh: JAVA_OPTS, JIT_WARMUP, launch_service,
# launch_floor, measure, warm_jvm
. bench/lib.sh
APP_PORT=8080
REF_PORT=8090
FLOOR_PORT=8081
WORK=$(mktemp -d /tmp/content-bench.XXXX)
chmod 755 "$WORK"   # nginx workers read the copies as an unprivileged user
RESULTS="$WORK/results.md"
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml bench/floor || echo "+changes")   # what the jars are built from

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
APP_PID=
FLOOR_PID=
cleanup() {
  if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$FLOOR_PID" ]; then kill "$FLOOR_PID" 2>/dev/null || true; fi
  for conf in "$WORK"/*/nginx.conf; do
    if [ -f "$conf" ]; then nginx -c "$conf" -s stop 2>/dev/null || true; fi
  done
  return 0
}
trap cleanup EXIT
log() { printf '\n== %s\n' "$*" >&2; }

install() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx)
  command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do as_root su postgres -c "pg_isready -q" && break; sleep 1; done
  as_root su postgres -c "psql -qc \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'bench')
    then create role bench login password 'bench' superuser; end if; end \\\$\\\$;\""
  PG_VERSION=$(as_root su postgres -c "psql -tAc 'show server_version'")
}

build() {
  if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    log "building the production jar"
    ./mvnw -B -q -ntp package -DskipTests
  fi
  if [ ! -f bench/floor/target/quarkus-app/quarkus-run.jar ] \
    || [ -n "$(find bench/floor/src bench/floor/pom.xml -newer bench/floor/target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    log "building the framework floor"
    ./mvnw -B -q -ntp -f bench/floor/pom.xml package -DskipTests
  fi
}

sql() { PGPASSWORD=bench psql -h localhost -U bench -d "$1" -qtA "${@:2}"; }

start_app() { # $1 database, $2 response cache on/off
  launch_service "$1" "$2" $APP_PORT "$WORK/app-$1-$2.log"
  APP_PID=$!
  for _ in $(seq 1 1200); do   # up to 10 minutes: a new migration may rewrite a million-article database first
    curl -sf "http://localhost:$APP_PORT/q/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the service did not start; see $WORK/app-$1-$2.log" >&2
  exit 1
}

stop_app() { kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; }

start_floor() { # $1 database: the framework floor, with the service's JVM flags, on its own port
  launch_floor "$1" $FLOOR_PORT "$WORK/floor-$1.log"
  FLOOR_PID=$!
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$FLOOR_PORT/floor/articles?limit=1" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the framework floor did not start; see $WORK/floor-$1.log" >&2
  exit 1
}

stop_floor() { kill "$FLOOR_PID" 2>/dev/null; wait "$FLOOR_PID" 2>/dev/null || true; FLOOR_PID=; }

prepare() { # $1 database, $2 size: path lists for the service, and the reference's copies of the answers
  local dir=$WORK/$1 n=$2
  mkdir -p "$dir/www/ref"
  python3 - "$dir" "$n" "$APP_PORT" <<'PY'
import json, os, random, sys, urllib.request
dir, n, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
base = f"http://localhost:{port}"
random.seed(7)
def get(path):
    with urllib.request.urlopen(base + path) as r:
        return r.read(), r.headers.get("ETag"), r.headers.get("Content-Type")
slugs = [f"article-{random.randint(1, n)}" for _ in range(1000)]
scenarios = {
    "a": [f"/api/v1/articles/{s}" for s in slugs],
    "b": ["/api/v1/articles?limit=20"],
    "c": [],
    "d": [f"/api/v1/articles/{s}/comments" for s in slugs],
    "e": [],
    "f": [f"/api/v1/articles/{s}" for s in slugs[:500]],
    "g": ["/feeds/articles.rss"],
}
for t in range(200):
    first, _, _ = get(f"/api/v1/articles?tag=tag-{t}&limit=20")
    nxt = json.loads(first)["next"]
    if nxt:
        scenarios["c"].append(f"/api/v1/articles?tag=tag-{t}&limit=20&cursor={nxt}")
# searches: a rarer word (each in ~30 articles) and a common one, best match first; search.lua draws them at
# random for the service, so that most searches are new to its cache, as on a real site
words = ("talks sanctions summit treaty envoy harbor tariff ports ships cranes winter window pressure patience freeze "
         "testing missile nuclear arms control diplomacy ledger trade economy towns payrolls gulls terminals cargo "
         "berths container weekly column review quarterly essay history archive council minister senate").split()
keywords = max(100, n // 10)
scenarios["e"] = [f"/api/v1/articles?q=kw{random.randrange(keywords)}%20{random.choice(words)}&sort=relevance"
                  for _ in range(1000)]
with open(os.path.join(dir, "words.txt"), "w") as f:
    f.write("\n".join(words))
with open(os.path.join(dir, "keywords.txt"), "w") as f:
    f.write(str(keywords))
for name, paths in scenarios.items():
    ref = []
    with open(os.path.join(dir, f"{name}.paths"), "w") as out:
        for i, path in enumerate(paths):
            body, etag, ctype = get(path)
            ext = "xml" if "xml" in (ctype or "") else "json"
            copy = f"/ref/{name}-{i}.{ext}"
            with open(os.path.join(dir, "www") + copy, "wb") as f:
                f.write(body)
            out.write(path + ("\t" + etag if name == "f" else "") + "\n")
            ref.append(copy)
    with open(os.path.join(dir, f"{name}.ref"), "w") as out:
        out.write("\n".join(ref) + "\n")
# the framework floor's requests: (a) the same 1,000 slugs, (b) the 20 latest
with open(os.path.join(dir, "a.floor"), "w") as out:
    out.write("".join(f"/floor/articles/{s}\n" for s in slugs))
with open(os.path.join(dir, "b.floor"), "w") as out:
    out.write("/floor/articles?limit=20\n")
PY
}

start_reference() { # nginx serving the copies; the conditional scenario gets nginx's own ETags
  local dir=$1
  pkill -f "nginx -c /tmp/content-bench" 2>/dev/null || true   # one left by an interrupted run
  sleep 0.5
  cat > "$dir/nginx.conf" <<NGINX
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { application/json json; application/rss+xml xml; }
  server { listen $REF_PORT; root $dir/www; etag on; }
}
NGINX
  nginx -c "$dir/nginx.conf"
  sleep 1
  python3 - "$dir" "$REF_PORT" <<'PY'
import os, sys, urllib.request
dir, port = sys.argv[1], sys.argv[2]
paths = open(os.path.join(dir, "f.ref")).read().split()
with open(os.path.join(dir, "f.ref"), "w") as out:
    for p in paths:
        with urllib.request.urlopen(f"http://localhost:{port}{p}") as r:
            out.write(p + "\t" + r.headers.get("ETag") + "\n")
PY
}

stop_reference() { nginx -c "$1/nginx.conf" -s stop 2>/dev/null || true; }


NAMES=(a b c d e f g)

declare -A LABEL=(
  [a]="(a) one article by slug, full" [b]="(b) the 20 latest" [c]="(c) page 2 by cursor"
  [d]="(d) an article's comments" [e]="(e) full-text search" [f]="(f) conditional GET, 304"
  [g]="(g) RSS feed")
# the floor each scenario's database path (cache off) is compared with, as the targets read: the one article for
# (a), its comments (d) and the feed (g); the 20 latest for the lists (b) and (c); none for search (e) and 304s (f)
declare -A FLOOR_OF=([a]=a [b]=b [c]=b [d]=a [g]=a)

run_size() {
  local n=$1 db="bench_$1" dir="$WORK/bench_$1"
  log "database $db"
  as_root su postgres -c "psql -tAc \"select 1 from pg_database where datname = '$db'\"" | grep -q 1 \
    || as_root su postgres -c "createdb -O bench $db"
  start_app "$db" true
  if [ "$(sql "$db" -c "select count(*) from article where status = 'published'")" != "$n" ]; then
    log "generating $n articles"
    sql "$db" -v n="$n" -f bench/generate.sql > "$WORK/generate-$n.log"
    stop_app
    start_app "$db" true
  fi
  local size
  size=$(sql "$db" -c "select pg_size_pretty(pg_database_size(current_database()))")
  log "preparing paths and the reference copies"
  prepare "bench_$1" "$n"
  declare -A ON OFF REF FLOOR
  warm_jvm $APP_PORT "$dir"/{a,b,d,e,g}.paths   # the service as it runs in production: response cache on
  for s in "${NAMES[@]}"; do
    measure $APP_PORT "$dir/$s.paths" "$WARMUP" > /dev/null
    ON[$s]=$(measure $APP_PORT "$dir/$s.paths" "$DURATION")
    log "service, cache on, $s: ${ON[$s]}"
  done
  local rss_on
  rss_on=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
  stop_app
  start_app "$db" false
  warm_jvm $APP_PORT "$dir"/{a,b,d,e,g}.paths
  for s in "${NAMES[@]}"; do
    measure $APP_PORT "$dir/$s.paths" "$WARMUP" > /dev/null
    OFF[$s]=$(measure $APP_PORT "$dir/$s.paths" "$DURATION")
    log "service, cache off, $s: ${OFF[$s]}"
  done
  local rss_off
  rss_off=$(( $(ps -o rss= -p "$APP_PID") / 1024 ))
  stop_app
  start_floor "$db"
  warm_jvm $FLOOR_PORT "$dir"/{a,b}.floor
  for s in a b; do
    measure $FLOOR_PORT "$dir/$s.floor" "$WARMUP" > /dev/null
    FLOOR[$s]=$(measure $FLOOR_PORT "$dir/$s.floor" "$DURATION")
    log "framework floor, $s: ${FLOOR[$s]}"
  done
  local rss_floor
  rss_floor=$(( $(ps -o rss= -p "$FLOOR_PID") / 1024 ))
  stop_floor
  start_reference "$dir"
  for s in "${NAMES[@]}"; do
    measure $REF_PORT "$dir/$s.ref" "$WARMUP" > /dev/null
    REF[$s]=$(measure $REF_PORT "$dir/$s.ref" "$DURATION")
    log "nginx reference, $s: ${REF[$s]}"
  done
  stop_reference "$dir"
  {
    printf '\n### %s articles (database %s)\n\n' "$(printf "%'d" "$n")" "$size"
    printf '| scenario | nginx req/s | service req/s | %% of nginx | p50 ms | p99 ms | cache off: req/s | p50 ms | p99 ms | floor req/s | cache off %% of floor |\n'
    printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
    for s in "${NAMES[@]}"; do
      read -r r_rps _ _ _ <<< "${REF[$s]}"
      read -r on_rps on_p50 on_p99 _ <<< "${ON[$s]}"
      read -r off_rps off_p50 off_p99 _ <<< "${OFF[$s]}"
      local f=${FLOOR_OF[$s]:-} floor_cell=– ratio_cell=–
      if [ -n "$f" ]; then
        read -r f_rps _ _ _ <<< "${FLOOR[$f]}"
        floor_cell=$f_rps
        [ "$f" = "$s" ] || floor_cell="$f_rps ($f)"
        ratio_cell="$(( f_rps > 0 ? off_rps * 100 / f_rps : 0 ))%"
      fi
      printf '| %s | %s | %s | %s%% | %s | %s | %s | %s | %s | %s | %s |\n' "${LABEL[$s]}" "$r_rps" "$on_rps" \
        "$(( r_rps > 0 ? on_rps * 100 / r_rps : 0 ))" "$on_p50" "$on_p99" "$off_rps" "$off_p50" "$off_p99" \
        "$floor_cell" "$ratio_cell"
    done
    read -r fa_rps fa_p50 fa_p99 fa_failed <<< "${FLOOR[a]}"
    read -r fb_rps fb_p50 fb_p99 fb_failed <<< "${FLOOR[b]}"
    printf '\nFramework floor: (a) %s req/s, p50 %s ms, p99 %s ms; (b) %s req/s, p50 %s ms, p99 %s ms' \
      "$fa_rps" "$fa_p50" "$fa_p99" "$fb_rps" "$fb_p50" "$fb_p99"
    if [ "$fa_failed" != 0 ] || [ "$fb_failed" != 0 ]; then
      printf ' (**non-2xx answers: %s on (a), %s on (b)**)' "$fa_failed" "$fb_failed"
    fi
    printf '.\n'
    printf '\nResident memory after the runs: the service %s MB with the response cache, %s MB without; the floor %s MB.\n' \
      "$rss_on" "$rss_off" "$rss_floor"
  } >> "$RESULTS"
}

install
build
for n in "${SIZES[@]}"; do
  run_size "$n"
done

{
  printf '<!-- results:start -->\n'
  printf 'Measured %s on %s (%s cores, %s GB RAM), PostgreSQL %s, commit %s. wrk: 2 threads, 32 connections, %s per\n' \
    "$(date -u +%Y-%m-%d)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(nproc)" \
    "$(( $(grep MemTotal /proc/meminfo | awk '{print $2}') / 1024 / 1024 ))" "$PG_VERSION" \
    "$COMMIT" "$DURATION"
  printf 'measurement after %s of warm-up (and, once per JVM start, %s s of its scenarios in turns: the JIT), everything on the\n' "$WARMUP" "$JIT_WARMUP"
  printf 'one machine. Service and framework floor: the production\n' 
  printf 'jars with %s.\n' "$JAVA_OPTS"
  cat "$RESULTS"
  printf '<!-- results:end -->\n'
} > "$WORK/section.md"
python3 - "$WORK/section.md" <<'PY'
import re, sys
section = open(sys.argv[1]).read()
readme = open("bench/README.md").read()
readme = re.sub(r"<!-- results:start -->.*<!-- results:end -->\n", lambda m: section, readme, flags=re.S)
open("bench/README.md", "w").write(readme)
PY
log "results written to bench/README.md (work files in $WORK)"
