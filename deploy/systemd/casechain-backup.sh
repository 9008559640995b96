#!/bin/sh
# A dated backup of CaseChain's database, then a simple rotation: keeps the
# newest $CASECHAIN_KEEP backups. Run by casechain-backup.service; settings
# come from its environment (defaults below).
set -eu
casechain="${CASECHAIN:-/usr/local/bin/casechain}"
data="${CASECHAIN_DATA:-/var/lib/casechain}"
backups="${CASECHAIN_BACKUPS:-/var/backups/casechain}"
keep="${CASECHAIN_KEEP:-14}"
case "$keep" in ''|*[!0-9]*|0) echo "CASECHAIN_KEEP must be a whole number of at least 1" >&2; exit 2 ;; esac

# UTC and sortable: the names' order is the backups' order.
out="$backups/casechain-$(date -u +%Y-%m-%dT%H%M%SZ).db"
"$casechain" backup --data "$data" --out "$out"
echo "backup: $out"

# Rotation: all but the newest $keep dated backups go (only files this script names).
ls -1 "$backups" | grep -E '^casechain-[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{6}Z\.db$' | sort -r | tail -n +"$((keep + 1))" |
  while read -r old; do
    rm -f -- "$backups/$old"
    echo "removed old backup: $old"
  done
