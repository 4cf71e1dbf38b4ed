#!/usr/bin/env bash
# A WordPress import, measured: bash bench/import.sh [POSTS] [COMMENTS_PER_POST]   (default 10000 10)
#  1. a WXR file written by bench/import/make_wxr.py (classic HTML with headings, lists and cited blockquotes;
#     threaded comments, a tenth pending);
#  2. the production jar started as the other benches start it (-Xms224m -Xmx224m, SerialGC) on the embedded
#     PostgreSQL, in a folder of its own;
#  3. the file uploaded (POST /api/v1/imports?images=false) and the job followed to its end: wall time, posts and
#     comments a second, the process's peak RSS (VmHWM);
#  4. meanwhile, wrk (-t1 -c8, 20 s) on the article list and on one article, with the response cache off, to show that
#     reads are still answered while the import writes.
# Needs wrk (apt-get install wrk). Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
POSTS=${1:-10000}; PER_POST=${2:-10}; PORT=8095
WORK=$(mktemp -d /tmp/content-import.XXXX)
APP=; cleanup() { [ -n "$APP" ] && kill "$APP" 2>/dev/null || true; }
trap cleanup EXIT
command -v wrk >/dev/null || { echo "needs wrk" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -ntp package -DskipTests
python3 bench/import/make_wxr.py "$POSTS" "$PER_POST" "$WORK/site.xml"
(cd "$WORK" && CONTENT_ADMIN_KEY=bench-admin CONTENT_LIMITS_ENABLED=false CONTENT_DEMO_ENABLED=true \
  CONTENT_HTTP_RESPONSE_CACHE_ENABLED=false CONTENT_IMPORTS_MAX_BYTES=1G CONTENT_IMPORTS_POLL_EVERY=1s QUARKUS_HTTP_PORT=$PORT \
  java -Xms224m -Xmx224m -XX:+UseSerialGC -Dbench.import="$WORK" \
  -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" > "$WORK/app.log" 2>&1) &
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" >/dev/null && break; sleep 1; done
APP=$(pgrep -f "bench.import=$WORK" | head -1)
hwm() { awk '/VmHWM/ {print int($2/1024)}' "/proc/$APP/status"; }
slug=$(curl -sf "localhost:$PORT/api/v1/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')
t0=$(date +%s)
id=$(curl -sf -X POST "localhost:$PORT/api/v1/imports?images=false" -H 'Authorization: Bearer bench-admin' \
  -H 'Content-Type: application/xml' --data-binary @"$WORK/site.xml" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
sleep 5
reads() { wrk -t1 -c8 -d20s --latency "$1" 2>&1 | python3 -c '
import re, sys
text = sys.stdin.read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p99 = re.search(r"99%\s+([\d.]+\w+)", text).group(1)
print(f"{float(rps):.0f} req/s, p99 {p99}")'; }
during_list=$(reads "http://localhost:$PORT/api/v1/articles?limit=20")
during_one=$(reads "http://localhost:$PORT/api/v1/articles/$slug")
status=running
while [ "$status" != done ] && [ "$status" != failed ]; do
  sleep 5
  status=$(curl -sf "localhost:$PORT/api/v1/imports/$id" -H 'Authorization: Bearer bench-admin' | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
done
t1=$(date +%s)
curl -sf "localhost:$PORT/api/v1/imports/$id" -H 'Authorization: Bearer bench-admin' > "$WORK/job.json"
secs=$((t1 - t0))
python3 - "$WORK/job.json" "$secs" "$(hwm)" "$during_list" "$during_one" "$(stat -c %s "$WORK/site.xml")" <<'PY'
import json, sys
job, secs, rss, during_list, during_one, size = json.load(open(sys.argv[1])), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
c = job["counts"]
posts = c["posts"]["created"] + c["posts"]["updated"] + c["posts"]["unchanged"]
comments = c["comments"]["created"] + c["comments"]["updated"] + c["comments"]["unchanged"]
print("| file | status | posts | comments | wall time | posts/s | comments/s | peak RSS | list during | article during |")
print("|---|---|---|---|---|---|---|---|---|---|")
print(f"| {size / 1e6:.0f} MB | {job['status']} | {posts} | {comments} | {secs // 60} min {secs % 60} s | "
      f"{posts / max(secs, 1):.0f} | {comments / max(secs, 1):.0f} | {rss} MB | {during_list} | {during_one} |")
PY
