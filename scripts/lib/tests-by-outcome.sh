#!/usr/bin/env bash
# Lists the tests whose TRX outcome is $2 (NotExecuted for skipped ones: NUnit Ignore, Inconclusive,
# Explicit...; Failed for failures) as "Class.Test", one per line, from the TRX files under $1.
# With a third argument "messages", each name is followed by the first lines of the test's error
# message, indented: CI keeps only the tail of a run's output, so the failures must be named there.
set -euo pipefail
for trx in "$1"/*/*.trx; do
  [ -e "$trx" ] || continue
  awk -v outcome="$2" -v messages="${3:-}" '
    function attr(line, name,   m) {
      if (match(line, " " name "=\"[^\"]*\"")) { m = substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4); return m }
      return ""
    }
    /<UnitTestResult / { inResult = ($0 ~ "outcome=\"" outcome "\""); if (inResult) { id = attr($0, "testId"); picked[id] = attr($0, "testName"); lines[id] = 0 } }
    inResult && /<Message>/ { inMessage = 1; sub(/.*<Message>/, "") }
    inMessage {
      line = $0; done = sub(/<\/Message>.*/, "", line)
      if (lines[id] < 6 && line ~ /[^ ]/) { message[id] = message[id] "    " line "\n"; lines[id]++ }
      if (done) inMessage = 0
    }
    /<\/UnitTestResult>/ { inResult = 0 }
    /<UnitTest / { current = attr($0, "id") }
    /<TestMethod / { class[current] = attr($0, "className") }
    END { for (id in picked) { print class[id] "." picked[id]; if (messages != "") printf "%s", message[id] } }
  ' "$trx"
done
