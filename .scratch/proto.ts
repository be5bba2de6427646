import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { generateArticles } from '/work/wt/questions/bench/corpus.ts';
const file = '/tmp/ftsx/s.sqlite';
rmSync(file, { force: true }); rmSync(file + '-wal', { force: true });
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create virtual table p using fts5(headline, said, body, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2', detail=full)`);
const ins = db.prepare('insert into p(rowid, headline, said, body) values (?, ?, ?, ?)');
let t0 = performance.now();
let rows = 0;
const tx = db.transaction((docs: { content: string }[], base: number) => {
  docs.forEach((d, i) => {
    const parts = d.content.split('\n---\n')[1]!.split('\n\n');
    const id = (base + i) * 65536;
    ins.run(id, parts[0], null, null); rows++;
    parts.slice(1).forEach((para, k) => {
      ins.run(id + 1 + k, null, null, para); rows++;
      const m = /“([^”]*)”/.exec(para);
      if (m) { ins.run(id + 1000 + k, null, m[1], null); rows++; }
    });
  });
});
let batch: { content: string }[] = [];
let n = 0;
for (const a of generateArticles(10000, 7)) {
  batch.push(a);
  if (batch.length === 500) { tx(batch, n); n += batch.length; batch = []; }
}
tx(batch, n);
console.log('insert', rows, 'rows', Math.round(performance.now() - t0), 'ms');
t0 = performance.now();
db.exec(`insert into p(p) values('optimize')`);
console.log('optimize', Math.round(performance.now() - t0), 'ms');
const q = (sql: string, arg: string, reps = 50) => {
  const st = db.prepare(sql);
  let r: unknown[] = [];
  const t = performance.now();
  for (let i = 0; i < reps; i++) r = st.all(arg);
  console.log(((performance.now() - t) / reps).toFixed(3), 'ms', r.length, sql.slice(0, 60), arg);
};
const top = 'select rowid, bm25(p, 3, 2, 1) s from p where p match ? order by s limit 10';
q(top, 'pipeline');
q(top, 'said : pipeline');
q(top, 'said : (trade deal)');
q(top, 'ceasefire');
q(top, '"man of peace"');
q(top, 'sovereignty');
q(top, 'harbour future');
q('select rowid from p where p match ? limit 10', 'pipeline');
q('select count(*) from p where p match ?', 'pipeline');
q(top, 'headline : (ashaberg rejects trade)');
const v = db.prepare(`select count(*) c from (select rowid from p where p match ?)`);
