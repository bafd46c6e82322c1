#!/usr/bin/env bash
# Lists the tests a run did not execute (NUnit Ignore, Inconclusive, Explicit...) as "Class.Test",
# one per line, from the TRX files under $1. Used by scripts/test to fail CI runs that pass by skipping.
set -euo pipefail
for trx in "$1"/*/*.trx; do
  [ -e "$trx" ] || continue
  awk '
    function attr(line, name,   m) {
      if (match(line, " " name "=\"[^\"]*\"")) { m = substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4); return m }
      return ""
    }
    /<UnitTestResult / && /outcome="NotExecuted"/ { skipped[attr($0, "testId")] = attr($0, "testName") }
    /<UnitTest / { current = attr($0, "id") }
    /<TestMethod / { class[current] = attr($0, "className") }
    END { for (id in skipped) print class[id] "." skipped[id] }
  ' "$trx"
done | sort -u
