# SPDX-License-Identifier: GPL-3.0-or-later
# generate-audit.awk: N recorded charges for `penal audit`, CSV with a
# header, from a fixed seed so every run of the benchmark reads the same
# file: a case id, an offense date and the charge code and class as an
# office records them, drawn from the Highway Patrol's table penal bundles
# (statutes/mshp-charge-codes.tsv, read first).  Dates fall around each
# code's period (some before or after it, so codes not in force show up);
# most classes are the table's, typed as people type them, some are not.
# Usage: mawk -v n=1000000 -v seed=42 -f bench/generate-audit.awk \
#          statutes/mshp-charge-codes.tsv > charges.csv
BEGIN { FS = "\t" }
# Rows of the table: code, legacy, type, class, from, to, ...
$1 ~ /^[0-9A-Z.]+-[0-9]+[YN][0-9]+$/ && ($3 == "F" || $3 == "M") && $4 ~ /^[A-E]$/ {
  codes[count] = $1; types[count] = $3; classes[count] = $4
  years[count] = substr($5, 1, 4) + 0; count++
}
END {
  srand(seed == "" ? 42 : seed)
  print "case_id,offense_date,charge_code,charged_class"
  for (i = 0; i < n; i++) {
    k = int(rand() * count)
    year = years[k] + int(rand() * 8) - 1
    if (year < 1980) year = 1980 + int(rand() * 45)
    if (year > 2025) year = 2025
    date = sprintf("%04d-%02d-%02d", year, 1 + int(rand() * 12), 1 + int(rand() * 28))
    # Felonies run from A to E, misdemeanors from A to D.
    letter = rand() < 0.9 ? classes[k] : substr("ABCDE", 1 + int(rand() * (types[k] == "F" ? 5 : 4)), 1)
    kind = types[k] == "F" ? "Felony" : "Misdemeanor"
    r = rand()
    if (r < 0.4) typed = "Class " letter " " kind
    else if (r < 0.7) typed = (types[k] == "F" ? "felony-" : "misdemeanor-") letter
    else if (r < 0.9) typed = letter " " tolower(kind)
    else typed = (types[k] == "F" ? "F-" : "M-") letter
    printf "C%07d,%s,%s,%s\n", i, date, codes[k], typed
  }
}
