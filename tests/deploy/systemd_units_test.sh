#!/usr/bin/env bash
# deploy/systemd: the units pass `systemd-analyze verify` (with the installed
# paths pointed at this build), the server's and the backup's exposure scores
# stay low (`systemd-analyze security --offline`), and the backup script makes
# a dated backup that `casechain restore` accepts and rotates the old ones away.
# Usage: systemd_units_test.sh CASECHAIN_BINARY SOURCE_DIR
set -euo pipefail
casechain="$1"
units="$2/deploy/systemd"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# ---- verify ----------------------------------------------------------------
mkdir "$work/units"
for unit in casechain.service casechain-backup.service casechain-backup.timer; do
  sed -e "s|/usr/local/bin/casechain|$casechain|g" -e "s|/usr/local/lib/casechain/casechain-backup.sh|$units/casechain-backup.sh|g" \
    "$units/$unit" >"$work/units/$unit"
done
if ! out=$(cd "$work/units" && systemd-analyze verify ./casechain.service ./casechain-backup.service ./casechain-backup.timer 2>&1) ||
  [ -n "$out" ]; then
  fail "systemd-analyze verify: $out"
fi

# ---- exposure ------------------------------------------------------------------
# exposure UNIT MAX: prints the score; fails when it is above MAX (10 is fully exposed).
exposure() {
  local score
  score=$(cd "$work/units" && systemd-analyze security --offline=yes "./$1" 2>&1 |
    sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
  echo "exposure of $1: ${score:-none}"
  awk -v s="${score:-99}" -v m="$2" 'BEGIN { exit !(s <= m) }' || fail "$1 exposure ${score:-none} is above $2"
}
exposure casechain.service 2.0
exposure casechain-backup.service 1.5
grep -q '^User=casechain$' "$units/casechain.service" || fail "casechain.service does not run as user casechain"
grep -q '^ProtectSystem=strict$' "$units/casechain.service" || fail "casechain.service lacks ProtectSystem=strict"

# ---- the backup script: a dated backup that restores, and the rotation ------------------
data="$work/var"
backups="$work/backups"
mkdir -m 0700 "$backups"
"$casechain" init --data "$data" >/dev/null
for day in 01 02 03; do : >"$backups/casechain-2020-01-${day}T020000Z.db"; done
: >"$backups/notes.txt"  # not the script's: never removed
CASECHAIN="$casechain" CASECHAIN_DATA="$data" CASECHAIN_BACKUPS="$backups" CASECHAIN_KEEP=2 \
  "$units/casechain-backup.sh" >"$work/backup.log"
newest=$(ls -1 "$backups" | grep -E '^casechain-[0-9-]{10}T[0-9]{6}Z\.db$' | sort | tail -1)
[ "$(ls -1 "$backups" | sort | tr '\n' ' ')" = "casechain-2020-01-03T020000Z.db $newest notes.txt " ] ||
  fail "rotation kept: $(ls -1 "$backups" | tr '\n' ' ') (wanted the newest two and notes.txt)"
[ "$(stat -c %a "$backups/$newest")" = 600 ] || fail "the backup's mode is $(stat -c %a "$backups/$newest"), not 600"
"$casechain" restore --data "$data" --from "$backups/$newest" >/dev/null || fail "the backup does not restore"
CASECHAIN_KEEP=0 CASECHAIN="$casechain" CASECHAIN_DATA="$data" CASECHAIN_BACKUPS="$backups" \
  "$units/casechain-backup.sh" 2>/dev/null && fail "CASECHAIN_KEEP=0 was accepted"

[ "$failures" = 0 ] && echo "systemd units: ok"
exit "$failures"
