// SPDX-License-Identifier: GPL-3.0-or-later
// agree.js: evaluates a DMN 1.1 decision table exported by `penal export`
// with @hbtgmbh/dmn-eval-js for every victim_age 0-120 and prints one line
// per age: "AGE CLASS CITATION" ("none" when no rule matched).
// Usage: node agree.js TABLE.dmn
'use strict';
const fs = require('fs');
const { decisionTable } = require('@hbtgmbh/dmn-eval-js');
const loglevel = require('loglevel');

loglevel.getLogger('dmn-eval-js').setLevel('error');

decisionTable.parseDmnXml(fs.readFileSync(process.argv[2], 'utf8')).then((decisions) => {
  const lines = [];
  for (let age = 0; age <= 120; age++) {
    const out = decisionTable.evaluateDecision('patronizing', decisions, { victim_age: age });
    lines.push(out === undefined ? `${age} none none` : `${age} ${out.class} ${out.citation}`);
  }
  console.log(lines.join('\n'));
}).catch((e) => { console.error(e); process.exit(2); });
