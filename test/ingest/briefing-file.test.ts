import { describe, expect, it } from 'vitest';
import { applyOverrides, BriefingError, OverrideError, parseBriefingFile } from '../../src/ingest/briefing-file.js';
import { seedArticle } from '../support/fixtures.js';
import { thrownBy } from '../support/wait.js';

const body = 'A headline\n\nFirst paragraph.\n\nSecond paragraph\nwith a second line.\n';

const errorOf = (fn: () => unknown): BriefingError => thrownBy(fn, BriefingError);

describe('parseBriefingFile', () => {
  it('reads front matter, headline and paragraphs; the id comes from the file name', () => {
    const { source, frontMatter } = parseBriefingFile(
      '/x/My Story.md',
      `---\npublished: 2025-11-26\nsource: Example Wire\nurl: https://example.org/a\n---\n${body}`,
    );
    expect(source).toEqual({
      id: 'my-story',
      headline: 'A headline',
      paragraphs: ['First paragraph.', 'Second paragraph\nwith a second line.'],
      publishedAt: '2025-11-26',
      source: 'Example Wire',
      url: 'https://example.org/a',
    });
    expect(frontMatter.published).toBe('2025-11-26');
  });

  it('accepts a file without front matter, CRLF line ends and a markdown heading', () => {
    const { source } = parseBriefingFile('b.md', '# A headline\r\n\r\nOnly paragraph.\r\n');
    expect(source.headline).toBe('A headline');
    expect(source.paragraphs).toEqual(['Only paragraph.']);
    expect(source.publishedAt).toBeUndefined();
  });

  it('rejects an empty file', () => {
    const e = errorOf(() => parseBriefingFile('empty.md', '  \n\n'));
    expect(e).toMatchObject({ file: 'empty.md', line: 1, field: 'file' });
    expect(e.message).toMatch(/^empty\.md:1: file: the file is empty/);
  });

  it('names the line of a YAML syntax error', () => {
    const e = errorOf(() => parseBriefingFile('bad.md', `---\npublished: 2025-11-26\nsource: [unclosed\n---\n${body}`));
    expect(e.file).toBe('bad.md');
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.field).toBe('front matter');
    expect(e.message).toMatch(/YAML syntax/);
  });

  it('names the line and field of a wrong type', () => {
    const e = errorOf(() =>
      parseBriefingFile('types.md', `---\npublished: 2025-11-26\nsummary: not a list\n---\n${body}`),
    );
    expect(e).toMatchObject({ line: 3, field: 'summary' });
  });

  it('names a bad date and a bad url', () => {
    const e = errorOf(() =>
      parseBriefingFile('d.md', `---\nsource: X\npublished: next tuesday\nurl: not a url\n---\n${body}`),
    );
    expect(e.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'published'],
      [4, 'url'],
    ]);
  });

  it('rejects an unknown field, pointing at its key', () => {
    const e = errorOf(() => parseBriefingFile('u.md', `---\npublished: 2025-11-26\n\nauthor: Someone\n---\n${body}`));
    expect(e).toMatchObject({ line: 4, field: 'author' });
    expect(e.message).toContain('unknown field "author"');
  });

  it('names nested fields of overrides', () => {
    const e = errorOf(() => parseBriefingFile('n.md', `---\nevents:\n  - match: Putin\n    start: soon\n---\n${body}`));
    expect(e).toMatchObject({ line: 4, field: 'events[0].start' });
  });

  it('rejects front matter that is never closed, a list as front matter, and a missing headline or body', () => {
    expect(errorOf(() => parseBriefingFile('o.md', `---\npublished: 2025-11-26\n${body}`))).toMatchObject({
      line: 1,
      field: 'front matter',
    });
    expect(errorOf(() => parseBriefingFile('l.md', `---\n- a\n- b\n---\n${body}`))).toMatchObject({
      field: 'front matter',
    });
    expect(errorOf(() => parseBriefingFile('h.md', `---\npublished: 2025-11-26\n---\n\n\n`))).toMatchObject({
      field: 'headline',
    });
    expect(
      errorOf(() => parseBriefingFile('p.md', `---\npublished: 2025-11-26\n---\nOnly a headline\n`)),
    ).toMatchObject({ line: 5, field: 'body' });
  });
});

describe('applyOverrides', () => {
  it('adds aliases, also for a person the extractor missed', () => {
    const out = applyOverrides(seedArticle(), {
      aliases: { Witkoff: ['the envoy'], 'Kirill Dmitriev': ['the Russian envoy'] },
    });
    expect(out.people.find((p) => p.id === 'steve-witkoff')?.aliases).toContain('the envoy');
    expect(out.people.find((p) => p.name === 'Kirill Dmitriev')).toMatchObject({
      id: 'kirill-dmitriev',
      aliases: ['the Russian envoy'],
    });
  });

  it('re-attributes a quote found by a phrase (typographic quotes and case aside)', () => {
    const out = applyOverrides(seedArticle(), { speakers: [{ quote: "YOU'RE REALLY GLAD", speaker: 'Donald Trump' }] });
    const q = out.quotes.find((x) => x.text.includes('man of peace'));
    expect(q?.speakerId).toBe('donald-trump');
  });

  it('pins an event to a confirmed date', () => {
    const out = applyOverrides(seedArticle(), {
      events: [{ match: 'Putin', start: '2025-12-02', location: 'Moscow' }],
    });
    const e = out.events.find((x) => x.kind === 'meeting');
    expect(e).toMatchObject({
      confirmed: true,
      location: 'Moscow',
      when: { text: 'next week', precision: 'day', start: '2025-12-02', end: '2025-12-02' },
    });
  });

  it('replaces summary points, citing the paragraph they come from', () => {
    const out = applyOverrides(seedArticle(), { summary: ['The source of the leaked call remains unknown.'] });
    expect(out.summary.points).toEqual([{ text: 'The source of the leaked call remains unknown.', paragraph: 9 }]);
  });

  it('throws OverrideError naming the field when an override matches nothing', () => {
    expect(() => applyOverrides(seedArticle(), { speakers: [{ quote: 'never said this', speaker: 'Trump' }] })).toThrow(
      OverrideError,
    );
    try {
      applyOverrides(seedArticle(), { events: [{ match: 'Zelensky', start: '2025-12-02' }] });
    } catch (e) {
      expect((e as OverrideError).field).toEqual(['events', 0, 'match']);
    }
  });

  it('does not change the article it was given', () => {
    const article = seedArticle();
    const before = JSON.stringify(article);
    applyOverrides(article, { aliases: { Witkoff: ['the envoy'] }, summary: ['x y z'] });
    expect(JSON.stringify(article)).toBe(before);
  });
});
