import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { generateArticles } from '/work/wt/questions/bench/corpus.ts';
const mode = process.argv[2] ?? 'a';
const file = '/tmp/ftsx/s3.sqlite';
for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
const docs: string[][] = [];
for (const a of generateArticles(10000, 7)) docs.push(a.content.split('\n---\n')[1]!.split('\n\n'));
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec(`create virtual table p using fts5(body, caption, content='', contentless_delete=1, tokenize='porter unicode61 remove_diacritics 2')`);
db.exec(`create virtual table h using fts5(headline, extra, content='', contentless_delete=1, prefix='2 3', tokenize='porter unicode61 remove_diacritics 2')`);
if (mode === 'b') db.exec(`insert into p(p, rank) values('automerge', 0)`);
if (mode === 'c') { db.exec(`insert into p(p, rank) values('automerge', 8)`); db.exec(`insert into p(p, rank) values('pgsz', 4050)`); }
const ins = db.prepare('insert into p(rowid, body) values (?, ?)');
const insh = db.prepare('insert into h(rowid, headline, extra) values (?, ?, ?)');
let t0 = performance.now();
let rows = 0, words = 0;
db.transaction(() => {
  docs.forEach((parts, i) => {
    const id = i * 65536;
    insh.run(i, parts[0], 'synthetic wire');
    parts.slice(1).forEach((para, k) => { ins.run(id + k, para); rows++; words += para.split(' ').length; });
  });
})();
console.log(mode, 'insert', rows, 'rows', words, 'words', Math.round(performance.now() - t0), 'ms');
t0 = performance.now();
if (mode !== 'a') db.exec(`insert into p(p) values('optimize')`);
console.log('optimize', Math.round(performance.now() - t0));
const q = (sql: string, arg: string, reps = 50) => {
  const st = db.prepare(sql);
  let r: unknown[] = [];
  const t = performance.now();
  for (let i = 0; i < reps; i++) r = st.all(arg);
  console.log(((performance.now() - t) / reps).toFixed(3), 'ms', r.length, sql.slice(0, 90), arg);
};
q('select rowid from p where p match ? order by rowid desc limit 50', '"man of peace"');
q('select rowid from p where p match ? order by rowid desc limit 50', '"rights of every fisherman"');
q('select rowid, bm25(p) from p where p match ? order by rowid desc limit 200', 'pipeline');
q('select rowid, bm25(h) s from h where h match ? order by s limit 10', 'trade deal');
q('select rowid, bm25(h) s from h where h match ? order by s limit 10', 'tra*');
db.exec(`create virtual table v using fts5vocab(p, row)`);
q('select term, doc from v where term = ?', 'pipelin');
q("select term, doc from v where term >= ? and term < 'pf'", 'pe');
