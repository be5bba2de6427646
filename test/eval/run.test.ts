import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
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

describe('evaluateDir', () => {
  it('runs the extractor on every article and scores it against its gold file', () => {
    const report = evaluateDir(dir);
    expect(report.articles.map((a) => a.id)).toEqual(['01-harbour']);
    expect(report.overall.exact).toMatchObject({ tp: 2, predicted: 2, gold: 3 });
    expect(report.overall.speaker.accuracy).toBe(1);
    const text = formatReport(report);
    expect(text).toContain('| 01-harbour | 3 |');
    expect(text).toContain('missed: “Residents cheered”');
  });

  it('names a missing folder', () => {
    expect(() => evaluateDir(join(dir, 'nope'))).toThrow(/not found/);
  });
});
