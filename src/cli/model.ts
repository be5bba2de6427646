import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { CliIO } from '../cli.js';
import { fieldName } from '../config/yaml-location.js';
import { applyOverrides, BriefingError, OverrideError, parseBriefingFile } from '../ingest/briefing-file.js';
import { parseTextArticle, slugify } from '../ingest/text-file.js';
import { Article, IsoDate } from '../model/article.js';
import { describe, readArgs, usageError } from './args.js';
import { modelText } from './model-text.js';

/** `briefbot model FILE`: the article model the extractor derives from one briefing or text file. */
export async function model(args: string[], io: CliIO, cwd: string): Promise<number> {
  const { flags, rest, error } = readArgs(args, { boolean: ['json'], string: ['published'] });
  if (error || rest.length !== 1) return usageError(io, error ?? 'model needs exactly one FILE');
  const published = flags.published;
  if (published && !IsoDate.safeParse(published).success) {
    io.stderr.write(`--published: expected YYYY-MM-DD, got ${published}\n`);
    return 2;
  }
  const file = resolve(cwd, rest[0] ?? '');
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    io.stderr.write(`${rest[0]}: cannot read: ${(e as Error).message}\n`);
    return 1;
  }
  let article: Article;
  const { extractArticle } = await import('../ingest/extract.js');
  try {
    if (extname(file).toLowerCase() === '.md') {
      const parsed = parseBriefingFile(file, content);
      const source = published ? { ...parsed.source, publishedAt: published } : parsed.source;
      try {
        article = applyOverrides(extractArticle(source), parsed.frontMatter);
      } catch (e) {
        if (e instanceof OverrideError)
          throw new BriefingError(file, [
            { line: parsed.lineOf(e.field), field: fieldName(e.field), message: e.message },
          ]);
        throw e;
      }
    } else {
      const source = parseTextArticle(slugify(basename(file, extname(file))), content);
      if (!source.headline)
        throw new BriefingError(file, [{ line: 1, field: 'headline', message: 'the first line must be the headline' }]);
      article = extractArticle(published ? { ...source, publishedAt: published } : source);
    }
    article = Article.parse(article);
  } catch (e) {
    if (e instanceof BriefingError) {
      for (const issue of e.issues) io.stderr.write(`${describe(file, cwd, issue)}\n`);
      return 1;
    }
    io.stderr.write(`${rest[0]}: ${(e as Error).message}\n`);
    return 1;
  }
  io.stdout.write(flags.json ? `${JSON.stringify(article, null, 2)}\n` : `${modelText(article)}\n`);
  return 0;
}
