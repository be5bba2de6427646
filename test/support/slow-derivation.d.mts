import type { Article } from '../../src/model/article.js';
export declare const SLOW_ABOVE_CHARS: number;
export declare const SLOW_MS: number;
export declare function slowDerive(path: string, content: string): Article;
