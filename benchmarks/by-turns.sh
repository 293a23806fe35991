#!/usr/bin/env bash
# Runs one of the benchmark module's mains in fresh JVMs, two builds of the benchmark jar taking
# turns, and prints each build's median of the figure each run prints on its last line
# (ColdStart, Repeat). See README.md, "Comparing two builds".
#
#   benchmarks/by-turns.sh RUNS OLD.jar NEW.jar MAIN [ARGUMENTS...]
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 RUNS OLD.jar NEW.jar MAIN [ARGUMENTS...]" >&2
  exit 2
fi
runs=$1 old=$2 new=$3
shift 3
java=${JAVA:-java}
old_figures=()
new_figures=()
for ((i = 0; i < runs; i++)); do
  old_figures+=("$("$java" -Xmx10g -cp "$old" "$@" | tail -n 1)")
  new_figures+=("$("$java" -Xmx10g -cp "$new" "$@" | tail -n 1)")
done
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
echo "$old: median $(median "${old_figures[@]}") of ${old_figures[*]}"
echo "$new: median $(median "${new_figures[@]}") of ${new_figures[*]}"
