import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateDir, formatReport } from '../../src/eval/run.js';

const dir = mkdtempSync(join(tmpdir(), 'eval-quotes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, '01-harbour.txt'),
  'Harbour wall holds\nPublished: 2024-01-05\n\n“The wall held,” harbour master Ivan Petrov said. “We were lucky.”\n\nResidents cheered.\n',
);
writeFileSync(
  join(dir, '01-harbour.gold.json'),
  JSON.stringify({
    people: [{ name: 'Ivan Petrov', aliases: ['Petrov'] }],
    quotes: [
      { speaker: 'Ivan Petrov', text: 'The wall held,', paragraph: 0 },
      { speaker: 'Ivan Petrov', text: 'We were lucky.', paragraph: 0 },
      { speaker: 'Ivan Petrov', text: 'Residents cheered', paragraph: 1 },
    ],
  }),
);
writeFileSync(
  join(dir, '02-mill.txt'),
  'Mill reopens\nPublished: 2024-01-06\n\n“We are back,” said owner Rosa Lind. Her brother Tom Lind was not there.\n',
);
writeFileSync(
  join(dir, '02-mill.gold.json'),
  JSON.stringify({ people: [{ name: 'Rosa Lind', aliases: ['Lind'] }], quotes: [{ speaker: 'Tom Lind', text: 'We are back,', paragraph: 0 }] }),
);
mkdirSync(join(dir, 'mentions'));
writeFileSync(join(dir, 'mentions', '01-harbour.json'), JSON.stringify({ article: '01-harbour', entities: [] }));

describe('evaluateDir', () => {
  it('runs the extractor on every article and scores it against its gold file', () => {
    const report = evaluateDir(dir);
    expect(report.articles.map((a) => a.id)).toEqual(['01-harbour', '02-mill']);
    expect(report.articles[0]!.score.exact).toMatchObject({ tp: 2, predicted: 2, gold: 3 });
    expect(report.heldOut).toBeNull();
    const text = formatReport(report);
    expect(text).toContain('| 01-harbour | 3 |');
    expect(text).toContain('missed: “Residents cheered”');
    expect(text).toMatch(/misattribution/);
    expect(text).toMatch(/held-out/i);
  });

  it('counts a wrong named speaker as a misattribution', () => {
    const report = evaluateDir(dir);
    const mill = report.articles.find((a) => a.id === '02-mill')!;
    expect(mill.score.misattribution).toMatchObject({ wrong: 1, named: 1, rate: 1 });
    expect(report.overall.misattribution).toMatchObject({ wrong: 1, named: 3 });
  });

  it('splits off a held-out part whose per-quote errors are not shown', () => {
    const report = evaluateDir(dir, { heldOut: ['02'] });
    expect(report.articles.find((a) => a.id === '02-mill')!.split).toBe('held-out');
    expect(report.heldOut!.overall.misattribution.wrong).toBe(1);
    expect(report.heldOut!.overall.errors).toEqual([]);
    const text = formatReport(report);
    expect(text).toContain('| 02-mill (held-out) |');
    expect(text).toContain('**overall held-out**');
    expect(text).not.toContain('We are back');
    expect(formatReport(evaluateDir(dir, { heldOut: ['02'], heldOutErrors: true }))).toContain('We are back');
    const dev = evaluateDir(dir, { heldOut: ['02-mill'], devOnly: true });
    expect(dev.articles.map((a) => a.id)).toEqual(['01-harbour']);
    expect(dev.heldOutSkipped).toBe(1);
  });

  it('scores the people list of annotated articles against the annotation and the gold speakers', () => {
    const report = evaluateDir(dir, { mentionsDir: join(dir, 'mentions') });
    expect(report.articles[0]!.people).toMatchObject({ predicted: 1, correct: 1, precision: 1 });
    expect(report.articles[1]!.people).toBeUndefined();
  });

  it('names a missing folder', () => {
    expect(() => evaluateDir(join(dir, 'nope'))).toThrow(/not found/);
  });
});
