import type { Block, ReplyDocument, Span } from './document.js';
import { quoteSpeakerLabel } from './document.js';

/**
 * Plain text for the console and `briefbot ask`. Control characters are replaced so echoed user
 * text cannot move the cursor or recolour the terminal (the console's version of markup injection).
 */
export function safeTerminalText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

function span(s: Span): string {
  switch (s.type) {
    case 'text':
      return s.style === 'code' ? `\`${s.text}\`` : s.text;
    case 'time':
      return s.fallback;
    case 'citation':
      return `[${s.label}]`;
    case 'link':
      return s.text && s.text !== s.url ? `${s.text} <${s.url}>` : s.url;
  }
}

function spans(list: Span[]): string {
  return list.map(span).join('');
}

function indent(text: string, prefix: string, rest = ' '.repeat(prefix.length)): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? prefix : rest) + line)
    .join('\n');
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return b.text;
    case 'paragraph':
      return spans(b.spans);
    case 'quote': {
      const who = quoteSpeakerLabel(b);
      const lines = [`“${b.text}”`, `  — ${who} [${b.cite.label}]`];
      if (b.context) lines.push(indent(b.context, '  Context: '));
      return indent(lines.join('\n'), '  > ', '    ');
    }
    case 'list':
      return b.items.map((item) => indent(spans(item), '  • ', '    ')).join('\n');
    case 'fields':
      return b.fields.map((f) => `  ${f.label}: ${spans(f.value)}`).join('\n');
    case 'context':
      return `  (${spans(b.spans)})`;
    case 'divider':
      return '----';
  }
}

export function renderPlain(doc: ReplyDocument): string {
  const out: string[] = [];
  doc.blocks.forEach((b, i) => {
    // A blank line before each heading but the first keeps sections apart on a terminal.
    if (b.type === 'heading' && i > 0) out.push('');
    out.push(block(b));
  });
  if (!doc.blocks.length) out.push(doc.summary);
  return safeTerminalText(out.join('\n'));
}
