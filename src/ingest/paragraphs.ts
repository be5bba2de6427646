/**
 * Paragraph kinds: body, photo caption, related-story headline, page boilerplate. Quotes,
 * people and summaries only read the kinds that carry the story.
 */
import type { Paragraph, ParagraphKind } from '../model/article.js';

const BOILERPLATE = [
  /^related(?: content| stories| articles| coverage| links)?:?$/i,
  /^(?:advertisement|sponsored(?: content)?|story continues below(?: advertisement)?)$/i,
  /^(?:read|see) (?:more|also|next)\b.{0,60}$/i,
  /^(?:share|share this|share this article|follow us|subscribe|sign up|click here|listen to this article)\b.{0,80}$/i,
  /^(?:copyright|©|all rights reserved)\b/i,
  /^(?:this (?:story|article) (?:has been|was) (?:updated|corrected)).{0,120}$/i,
  /^(?:recommended|trending|most (?:read|popular)|more from)\b.{0,40}$/i,
  /^(?:please enable javascript|cookies?)\b/i,
];

/** A photo credit at the end of a line: "(AP Photo/…)", "(… Pool Photo via AP)", "Photo: …". */
const CREDIT =
  /(?:\((?=[^()]*\b(?:photo|photograph|pool|getty|images|reuters|afp|ap|credit|file)\b)[^()]*\)\s*$|\b(?:photo|photograph|image|picture|credit)s?\s*(?::|by)\s*[^.]{2,60}$)/i;

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');

function isRelatedHeadline(text: string): boolean {
  // Cheap exit: running text has lower-case letters early on.
  let lowerCase = 0;
  for (let i = 0; i < 60 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122 && ++lowerCase > 8) return false;
  }
  const l = letters(text);
  if (l.length < 12 || text.includes('\n')) return false;
  const upper = l.replace(/[^\p{Lu}]/gu, '').length;
  return upper / l.length > 0.85 && text.split(/\s+/).length >= 4 && !/[.!?]["”’]?$/.test(text.trim());
}

function isCaption(text: string): boolean {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.some((l) => CREDIT.test(l))) return true;
  // A short caption line repeated as the start of a longer one (gallery title + caption).
  if (lines.length >= 2) {
    const first = lines[0]!.replace(/[.\s]+$/, '');
    if (first.split(/\s+/).length <= 16 && lines[1]!.startsWith(first.slice(0, Math.min(first.length, 30))))
      return true;
  }
  // Map legends and image keys open with a graphic symbol rather than a letter or quote mark.
  if (/^[^\p{L}\p{N}\s"“‘'([—–-]/u.test(text.trim()) && text.split(/\s+/).length <= 12) return true;
  return false;
}

export function classifyParagraph(text: string, index: number, total: number): ParagraphKind {
  const t = text.trim();
  if (BOILERPLATE.some((r) => r.test(t))) return 'boilerplate';
  if (isRelatedHeadline(t)) return 'related';
  if (isCaption(t)) return 'caption';
  // A short title-case line without a verb at the very end of the page is page furniture.
  if (index === total - 1 && t.split(/\s+/).length <= 3 && !/[.!?:"”]$/.test(t)) return 'boilerplate';
  return 'body';
}

export function classifyParagraphs(texts: string[]): Paragraph[] {
  return texts.map((text, index) => ({ index, kind: classifyParagraph(text, index, texts.length), text }));
}

/** Kinds whose sentences are the story (quotes are also read in captions). */
export function carriesQuotes(kind: ParagraphKind): boolean {
  return kind === 'body' || kind === 'caption';
}
