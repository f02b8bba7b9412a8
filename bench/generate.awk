# SPDX-License-Identifier: GPL-3.0-or-later
# generate.awk: N synthetic cases for `penal batch`, CSV with a header, from
# a fixed seed so every run of the benchmark reads the same file.  Each row
# has a case id first (the column the benchmark keeps with --keep), then the
# facts: mixed offenses, ages across every tier, dates from 2000 to 2025
# (every version of RSMo 567.020 and 567.030, and the years before 2004 in
# which penal holds no established penalty table), prior offenses, and
# about one row in a thousand deliberately bad.
# Usage: mawk -v n=1000000 -v seed=42 -f bench/generate.awk > cases.csv
BEGIN {
  srand(seed == "" ? 42 : seed)
  print "case_id,offense,victim_age,knew_hiv,prior_prostitution_offenses,defendant_age,offense_date"
  for (i = 0; i < n; i++) {
    id = sprintf("CR%08d", i + 1)
    year = 2000 + int(rand() * 26)
    date = sprintf("%04d-%02d-%02d", year, 1 + int(rand() * 12), 1 + int(rand() * 28))
    prior = int(rand() * 4)
    bad = rand()
    if (rand() < 0.6) {
      age = int(rand() * 40)
      if (bad < 0.0005) age = "abc"
      else if (bad < 0.001) age = 130
      print id ",patronizing," age ",," prior ",," date
    } else {
      hiv = rand() < 0.1 ? "yes" : "no"
      dage = 14 + int(rand() * 30)
      if (bad < 0.001) date = year "-02-30"
      print id ",prostitution,," hiv "," prior "," dage "," date
    }
  }
}
