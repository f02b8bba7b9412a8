# SPDX-License-Identifier: GPL-3.0-or-later
# generate.awk: N synthetic cases for `penal batch`, CSV with a header, from
# a fixed seed so every run of the benchmark reads the same file.  Mixed
# offenses, ages across every tier, dates across every statute version
# (2010 to 2025, including the uncertain 2017-2023 window), prior offenses,
# and about one row in a thousand deliberately bad.
# Usage: mawk -v n=1000000 -v seed=42 -f bench/generate.awk > cases.csv
BEGIN {
  srand(seed == "" ? 42 : seed)
  print "offense,victim_age,knew_hiv,prior_prostitution_offenses,defendant_age,offense_date"
  for (i = 0; i < n; i++) {
    year = 2010 + int(rand() * 16)
    date = sprintf("%04d-%02d-%02d", year, 1 + int(rand() * 12), 1 + int(rand() * 28))
    prior = int(rand() * 4)
    bad = rand()
    if (rand() < 0.6) {
      age = int(rand() * 40)
      if (bad < 0.0005) age = "abc"
      else if (bad < 0.001) age = 130
      print "patronizing," age ",," prior ",," date
    } else {
      hiv = rand() < 0.1 ? "yes" : "no"
      dage = 14 + int(rand() * 30)
      if (bad < 0.001) date = year "-02-30"
      print "prostitution,," hiv "," prior "," dage "," date
    }
  }
}
