import { z } from 'zod';
import { IsoDate, Precision } from './article.js';

/**
 * YAML front matter of `briefings/<slug>.md`: only what the text cannot tell.
 * Everything else (people, quotes, events, summary) is derived by the extractor.
 */
export const FrontMatter = z
  .object({
    published: IsoDate.optional(),
    source: z.string().optional(),
    url: z.string().url().optional(),
    /** Overrides, applied after extraction. */
    aliases: z.record(z.string(), z.array(z.string())).optional(),
    /** Re-attribute a quote: the quote is found by a phrase it contains. */
    speakers: z.array(z.object({ quote: z.string().min(1), speaker: z.string().min(1) }).strict()).optional(),
    /** Pin an event (matched by a word of its title or a participant's name) to a confirmed date. */
    events: z
      .array(
        z
          .object({
            match: z.string().min(1),
            start: IsoDate,
            end: IsoDate.optional(),
            precision: Precision.optional(),
            location: z.string().optional(),
          })
          .strict(),
      )
      .optional(),
    summary: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type FrontMatter = z.infer<typeof FrontMatter>;

/** The raw input to the extractor, whatever file format it came from. */
export interface ArticleSource {
  id: string;
  headline: string;
  /** Body paragraphs (blank-line separated blocks after the headline), in order. */
  paragraphs: string[];
  publishedAt?: string;
  source?: string;
  url?: string;
}
