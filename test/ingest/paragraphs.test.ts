import { describe, expect, it } from 'vitest';
import { classifyParagraphs } from '../../src/ingest/paragraphs.js';

const kinds = (ps: string[]) => classifyParagraphs(ps).map((p) => p.kind);

describe('paragraph kinds', () => {
  it('a repeated caption line ending in a photo credit is a caption', () => {
    expect(
      kinds([
        'Mayor Ines Oduya.\nMayor Ines Oduya speaks at the opening in Leeds, Monday, May 5, 2025. (Jane Doe/AP Photo)',
      ]),
    ).toEqual(['caption']);
  });
  it('a credit such as "Photo: …" or "(Getty Images)" marks a caption', () => {
    expect(
      kinds(['Firefighters at the scene on Sunday. Photo: Tom Hill', 'A flooded street in Porto (Getty Images)']),
    ).toEqual(['caption', 'caption']);
  });
  it('map legends that open with a symbol are captions', () => {
    expect(kinds(['██ Government-held areas', 'The offensive began at dawn, officials said.'])).toEqual([
      'caption',
      'body',
    ]);
  });
  it('a related-story headline in capitals is related', () => {
    expect(
      kinds([
        'The vote is on Tuesday.',
        'SENATOR’S ‘LAST STAND’ SPEECH GOES VIRAL AS BUDGET VOTE NEARS',
        'More follows.',
      ]),
    ).toEqual(['body', 'related', 'body']);
  });
  it('page furniture is boilerplate', () => {
    expect(
      kinds(['Advertisement', 'The vote is on Tuesday.', 'Read more: Budget vote explained', 'Related Content']),
    ).toEqual(['boilerplate', 'body', 'boilerplate', 'boilerplate']);
  });
  it('ordinary paragraphs, even short ones or ones with an acronym, are body', () => {
    expect(kinds(['NATO met on Monday.', '“No,” she said.', 'The EU and the UK signed the deal.'])).toEqual([
      'body',
      'body',
      'body',
    ]);
  });
});
