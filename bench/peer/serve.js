// SPDX-License-Identifier: GPL-3.0-or-later
// serve.js: the peer of bench/serve.sh: what a team might build instead of
// penal serve.  The same decision tables, exported by `penal export` as DMN
// 1.1 (one per version of RSMo 567.030), evaluated by @hbtgmbh/dmn-eval-js
// behind Node's own http server, one process per processor (node:cluster),
// answering POST /api/v1/classify with {"class": ...}.
//
// Usage: node serve.js PORT FROM:TO:TABLE.dmn...  (FROM and TO as in
// peer.js: the days a version may have been in force, "-" for open.)
'use strict';
const cluster = require('node:cluster');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const { decisionTable } = require('@hbtgmbh/dmn-eval-js');
const loglevel = require('loglevel');

loglevel.getLogger('dmn-eval-js').setLevel('error');
const [port, ...tableArgs] = process.argv.slice(2);
const workers = Number(process.env.PEER_WORKERS || os.cpus().length);

if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const id in cluster.workers) cluster.workers[id].kill();
    process.exit(0);
  });
} else {
  (async () => {
    const tables = [];
    for (const arg of tableArgs) {
      const [from, to, file] = arg.split(':');
      tables.push({
        from: from === '-' ? '0000-00-00' : from,
        to: to === '-' ? '9999-99-99' : to,
        decisions: await decisionTable.parseDmnXml(fs.readFileSync(file, 'utf8')),
      });
    }
    const answer = (res, status, body) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body) + '\n');
    };
    http.createServer((req, res) => {
      if (req.method !== 'POST' || req.url !== '/api/v1/classify') {
        answer(res, 404, { error: 'not found' });
        return;
      }
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => {
        body += chunk;
        if (body.length > 65536) req.destroy();
      });
      req.on('end', () => {
        let facts;
        try {
          facts = JSON.parse(body);
        } catch (e) {
          answer(res, 400, { error: 'not JSON' });
          return;
        }
        const classes = new Set();
        for (const t of tables) {
          if (facts.offense_date < t.from || facts.offense_date > t.to) continue;
          const out = decisionTable.evaluateDecision('patronizing', t.decisions,
                                                     { victim_age: facts.victim_age });
          classes.add(out === undefined || out.class === undefined ? 'none' : out.class);
        }
        answer(res, 200, { class: classes.size === 1 ? [...classes][0] : 'ambiguous' });
      });
    }).listen(Number(port), '127.0.0.1');
  })().catch((e) => { console.error(e); process.exit(2); });
}
