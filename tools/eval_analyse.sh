# Sourced by tools/evaluate.sh and tools/evaluate_perturbed.sh, which set BIN, REDETECT and
# redetect (true for --redetect).
#
# Analyses INPUT into folder DIR, or with --redetect only detects again on DIR's signals. A clip
# that fails to analyse is scored with whatever it wrote.
analyse() {
  local input=$1 dir=$2
  if $redetect; then
    [ -f "$dir/signals.csv" ] || { echo "  $dir: no signals.csv; run $(basename "$0") once without --redetect" >&2; return 1; }
    "$REDETECT" "$dir/signals.csv" "$dir/events.json" >/dev/null
  else
    $BIN analyze "$input" -o "$dir" --quiet --no-store || true
  fi
}
