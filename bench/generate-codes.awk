# SPDX-License-Identifier: GPL-3.0-or-later
# generate-codes.awk: N synthetic rows for `penal batch` by charge code, CSV
# with a header, from a fixed seed, over the Highway Patrol's table penal
# bundles (statutes/mshp-charge-codes.tsv): a case id, a recorded code and
# an offense date from 2010 to 2025 on which that code was in force, as
# charging documents pair them.  Codes are drawn as charges occur in a
# caseload, a few often and most rarely: the code of rank r in the table's
# order about as often as 1/r, so that half the rows draw on the first
# hundred codes and the rest on all the others.  Every kind of code comes
# up: felonies and misdemeanors of each class, infractions, unclassified
# codes, ordinances, and the codes of RSMo 567.020 and 567.030 without
# their facts.  About one row in a hundred has a date drawn at random from
# the whole span instead, which may fall outside its code's period, and
# one in a thousand a code the table lacks.  Months are taken to have 28
# days, so every date is a real one.
# Usage: mawk -v n=1000000 -v seed=42 -f bench/generate-codes.awk \
#          statutes/mshp-charge-codes.tsv > codes.csv
function day(text) {
  return (substr(text, 1, 4) * 12 + substr(text, 6, 2) - 1) * 28 + substr(text, 9, 2) - 1
}
function iso(n) {
  return sprintf("%04d-%02d-%02d", int(n / 336), int(n / 28) % 12 + 1, n % 28 + 1)
}
BEGIN {
  FS = "\t"
  count = 0
  srand(seed == "" ? 42 : seed)
  first = day("2010-01-01")
  last = day("2025-12-28")
}
# A code's row: code, legacy, type, class, from, to, ... ("-": open).
NF >= 14 && $1 != "columns" {
  from = $5 == "-" ? first : day($5)
  to = $6 == "-" ? last : day($6)
  if (from < first) from = first
  if (to > last) to = last
  if (from <= to) { code[count] = $1; lo[count] = from; hi[count++] = to }
}
END {
  print "case_id,charge_code,offense_date"
  for (i = 0; i < n; i++) {
    k = int(count ^ rand()) - 1
    date = lo[k] + int(rand() * (hi[k] - lo[k] + 1))
    bad = rand()
    if (bad < 0.01) date = first + int(rand() * (last - first + 1))
    printf "CR%08d,%s,%s\n", i + 1, (bad > 0.999 ? "999.999-999Y999999" : code[k]), iso(date)
  }
}
