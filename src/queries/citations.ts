/**
 * Citation hygiene for every reply, whatever query made it: ¶ numbers count body paragraphs only
 * (a photo caption is cited as a caption), and when a reply cites more than one article each
 * citation names its article, so no line of a multi-article answer is left without its story.
 */
import type { Article } from '../model/article.js';
import type { Block, ReplyDocument, Span } from '../replies/document.js';

type Citation = Extract<Span, { type: 'citation' }>;

/** The reader's number of a paragraph: its place among the body paragraphs, from 1. */
function bodyNumber(
  article: Article | undefined,
  paragraph: number,
): { kind: 'body' | 'caption' | 'other'; n: number } {
  if (!article) return { kind: 'body', n: paragraph + 1 };
  let n = 0;
  for (const p of article.paragraphs) {
    if (p.kind === 'body') n += 1;
    if (p.index === paragraph)
      return {
        kind: p.kind === 'body' ? 'body' : p.kind === 'caption' ? 'caption' : 'other',
        n: p.kind === 'body' ? n : n + 1,
      };
  }
  return { kind: 'body', n: paragraph + 1 };
}

function shortHeadline(headline: string, max = 48): string {
  if (headline.length <= max) return headline;
  const cut = headline.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 12)).replace(/[\s,;:–-]+$/, '')}…`;
}

function citationLabel(article: Article | undefined, paragraph: number, withArticle: boolean): string {
  const { kind, n } = bodyNumber(article, paragraph);
  const where =
    kind === 'body' ? `¶${n}` : kind === 'caption' ? `photo caption after ¶${n - 1}` : `¶${n} (not body text)`;
  return withArticle && article ? `${shortHeadline(article.headline)}, ${where}` : where;
}

function citationsOf(blocks: Block[]): Citation[] {
  const out: Citation[] = [];
  const spans = (list: Span[]) => list.forEach((s) => s.type === 'citation' && out.push(s));
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'context') spans(b.spans);
    else if (b.type === 'list') b.items.forEach(spans);
    else if (b.type === 'fields') b.fields.forEach((f) => spans(f.value));
    else if (b.type === 'quote') out.push(b.cite);
  }
  return out;
}

/** A copy of the reply with every citation labelled for readers (see the module comment). */
export function relabel(doc: ReplyDocument, article: (id: string) => Article | undefined): ReplyDocument {
  const cites = citationsOf(doc.blocks);
  if (!cites.length) return doc;
  const multi = new Set(cites.map((c) => c.articleId)).size > 1;
  const fix = (c: Citation): Citation => ({ ...c, label: citationLabel(article(c.articleId), c.paragraph, multi) });
  const spans = (list: Span[]): Span[] => list.map((s) => (s.type === 'citation' ? fix(s) : s));
  const blocks = doc.blocks.map((b): Block => {
    switch (b.type) {
      case 'paragraph':
      case 'context':
        return { ...b, spans: spans(b.spans) };
      case 'list':
        return { ...b, items: b.items.map(spans) };
      case 'fields':
        return { ...b, fields: b.fields.map((f) => ({ ...f, value: spans(f.value) })) };
      case 'quote':
        return { ...b, cite: fix(b.cite) };
      default:
        return b;
    }
  });
  return { ...doc, blocks };
}

/** What the `paragraph` numbers of answer data mean (stated in `ask --json`). */
export const PARAGRAPH_NUMBERING =
  'data paragraph fields are 0-based indexes into the article model paragraph list (photo captions and other non-body blocks included); reply labels ¶N count body paragraphs only, from 1';
