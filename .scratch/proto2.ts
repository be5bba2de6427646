import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { generateArticles } from '/work/wt/questions/bench/corpus.ts';
const detail = process.argv[2] ?? 'full';
const file = '/tmp/ftsx/s2.sqlite';
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
let t0 = performance.now();
const docs: string[][] = [];
for (const a of generateArticles(10000, 7)) docs.push(a.content.split('\n---\n')[1]!.split('\n\n'));
console.log('generate', Math.round(performance.now() - t0));
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create virtual table p using fts5(headline, said, body, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2', detail=${detail})`);
const ins = db.prepare('insert into p(rowid, headline, said, body) values (?, ?, ?, ?)');
t0 = performance.now();
let rows = 0;
db.transaction(() => {
  docs.forEach((parts, i) => {
    const id = i * 65536;
    ins.run(id, parts[0], null, null); rows++;
    parts.slice(1).forEach((para, k) => {
      ins.run(id + 1 + k, null, null, para); rows++;
      const m = /“([^”]*)”/.exec(para);
      if (m) { ins.run(id + 1000 + k, null, m[1], null); rows++; }
    });
  });
})();
console.log(detail, 'insert', rows, 'rows', Math.round(performance.now() - t0), 'ms');
const q = (sql: string, arg: string, reps = 50) => {
  const st = db.prepare(sql);
  let r: unknown[] = [];
  const t = performance.now();
  for (let i = 0; i < reps; i++) r = st.all(arg);
  console.log(((performance.now() - t) / reps).toFixed(3), 'ms', r.length, sql.slice(0, 90), arg);
};
const recent = 'select rowid, bm25(p, 3, 2, 1) s from p where p match ? order by rowid desc limit 500';
q(recent, 'pipeline');
q(recent, 'said : pipeline');
q(recent, 'ceasefire');
q(recent, 'sovereignty');
q(recent, 'harbour future');
q(recent, 'harbour OR future');
q('select rowid from p where p match ? order by rowid desc limit 500', 'harbour OR future');
q('select rowid from p where p match ? order by rowid desc limit 500', 'pipeline');
q(recent, 'headline : (ashaberg rejects trade)');
q('select rowid from p where p match ? limit 50', 'man peace');
q('select count(*) from p where p match ?', 'man peace');
const vocab = db.exec(`create virtual table v using fts5vocab(p, row)`);
q('select term from v where term >= ? and term < ?||\'z\' limit 1000', 'pe'.toString(), 5);
t0 = performance.now();
const all = db.prepare('select term from v').all();
console.log('vocab', all.length, Math.round(performance.now() - t0), 'ms');
