import type { Article } from '../model/article.js';

/** The derived article model as text for `briefbot model`. */
export function modelText(a: Article): string {
  const lines = [
    a.headline,
    `id: ${a.id} · published: ${a.publishedAt ?? 'unknown'}${a.source ? ` · ${a.source}` : ''}`,
    '',
  ];
  lines.push('Paragraphs:');
  for (const p of a.paragraphs)
    lines.push(`  ${p.index} [${p.kind}] ${p.text.replace(/\s+/g, ' ').slice(0, 90)}${p.text.length > 90 ? '…' : ''}`);
  lines.push('', 'People:');
  for (const p of a.people)
    lines.push(
      `  ${p.name}${p.role ? ` — ${p.role}` : ''}${p.aliases.length ? ` (also: ${p.aliases.join('; ')})` : ''}`,
    );
  lines.push('', 'Quotes:');
  const name = (id: string | null) => a.people.find((p) => p.id === id)?.name ?? 'unattributed';
  for (const q of a.quotes) {
    const speaker = q.speakerId
      ? name(q.speakerId)
      : q.speakerDescription
        ? `${q.speakerDescription} (unnamed)`
        : 'speaker unclear';
    lines.push(`  ¶${q.paragraph} ${speaker}: “${q.text}”`);
  }
  if (a.statements.length) lines.push('', 'Statements:');
  for (const s of a.statements) lines.push(`  ¶${s.paragraph} ${name(s.speakerId)}: ${s.text}`);
  lines.push('', 'Events:');
  for (const e of a.events) {
    lines.push(
      `  ¶${e.paragraph} ${e.title} [${e.kind}] ` +
        `${e.when.start ?? '?'}${e.when.end && e.when.end !== e.when.start ? `..${e.when.end}` : ''} ` +
        `(${e.when.precision}, “${e.when.text}”)${e.location ? ` in ${e.location}` : ''}`,
    );
  }
  lines.push('', 'Summary:');
  for (const p of a.summary.points) lines.push(`  ¶${p.paragraph} ${p.text}`);
  return lines.join('\n');
}
