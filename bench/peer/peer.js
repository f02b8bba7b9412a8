// SPDX-License-Identifier: GPL-3.0-or-later
// peer.js: the benchmark's peer.  Evaluates the patronizing rows of the
// benchmark's cases with @hbtgmbh/dmn-eval-js, over the DMN 1.1 tables that
// `penal export` wrote for each version of RSMo 567.030, and checks every
// answer against penal's own output for the same rows.
//
// Usage: node peer.js CASES.csv PENAL-OUTPUT.csv FROM:TO:TABLE.dmn...
// (FROM and TO are the days a version was in force, inclusive, with "-"
// for an open end.)  Both files are read by their header's names.  Prints
// one line: peer_cases=N peer_cases_per_s=R agree=N disagree=N; exits 1 on
// any disagreement.
'use strict';
const fs = require('fs');
const { decisionTable } = require('@hbtgmbh/dmn-eval-js');
const loglevel = require('loglevel');

loglevel.getLogger('dmn-eval-js').setLevel('error');

const [casesFile, penalFile, ...tableArgs] = process.argv.slice(2);

// The cells of one CSV line as RFC 4180 quotes them (penal quotes a cell
// with a comma, a quote or a line end; its rows are one line each).
function cells(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cell); cell = ''; }
    else cell += c;
  }
  out.push(cell);
  return out;
}

async function main() {
  const tables = [];
  for (const arg of tableArgs) {
    const [from, to, file] = arg.split(':');
    const decisions = await decisionTable.parseDmnXml(fs.readFileSync(file, 'utf8'));
    tables.push({ from: from === '-' ? '0000-00-00' : from, to: to === '-' ? '9999-99-99' : to, decisions });
  }

  const cases = fs.readFileSync(casesFile, 'utf8').split('\n');
  const header = cases[0].split(',');
  const col = (name) => header.indexOf(name);
  const [cOffense, cAge, cDate] = [col('offense'), col('victim_age'), col('offense_date')];

  // Which rows to evaluate: patronizing, with a whole age in the domain.
  const rows = [];
  for (let i = 1; i < cases.length; i++) {
    const f = cases[i].split(',');
    if (f[cOffense] !== 'patronizing' || !/^[0-9]+$/.test(f[cAge])) continue;
    const age = Number(f[cAge]);
    if (age > 120) continue;
    rows.push({ line: i + 1, age, date: f[cDate] });
  }

  const answers = new Map();
  const start = process.hrtime.bigint();
  for (const row of rows) {
    const classes = new Set();
    for (const t of tables) {
      if (row.date < t.from || row.date > t.to) continue;
      const out = decisionTable.evaluateDecision('patronizing', t.decisions, { victim_age: row.age });
      classes.add(out === undefined || out.class === undefined ? 'none' : out.class);
    }
    answers.set(row.line, classes.size === 1 ? [...classes][0] : classes.size === 0 ? 'none' : 'ambiguous');
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  // penal's answer for the same lines: the class, or its status.
  let agree = 0;
  let disagree = 0;
  const output = fs.readFileSync(penalFile, 'utf8').split('\n');
  const columns = cells(output[0]);
  const [oLine, oStatus, oClass] = ['line', 'status', 'class'].map((name) => columns.indexOf(name));
  for (const line of output.slice(1)) {
    if (line === '') continue;
    const f = cells(line);
    const peer = answers.get(Number(f[oLine]));
    if (peer === undefined) continue;
    const penal = f[oStatus] === 'decided' ? f[oClass] : f[oStatus];
    if (penal === peer) agree++;
    else {
      disagree++;
      if (disagree <= 5) console.error(`line ${f[oLine]}: penal ${penal}, peer ${peer}`);
    }
  }
  const seen = agree + disagree;
  if (seen !== rows.length) {
    console.error(`penal answered ${seen} of the ${rows.length} rows the peer evaluated`);
    disagree += rows.length - seen;
  }
  console.log(`peer_cases=${rows.length} peer_cases_per_s=${Math.round(rows.length / seconds)} agree=${agree} disagree=${disagree}`);
  process.exit(disagree === 0 ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(2); });
