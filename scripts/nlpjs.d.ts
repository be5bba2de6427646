/** The few NLP.js entry points scripts/nlu-compare.ts uses (the packages ship no types). */
declare module '@nlpjs/core' {
  export function containerBootstrap(): Promise<{ use(plugin: unknown): void }>;
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
declare module '@nlpjs/nlu' {
  export class NluNeural {
    constructor(options: { container: unknown; locale: string; log?: boolean });
    train(corpus: { utterance: string; intent: string }[]): Promise<void>;
    process(utterance: string): Promise<{ classifications: { intent: string; score: number }[] }>;
  }
}
