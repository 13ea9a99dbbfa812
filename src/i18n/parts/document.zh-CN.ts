import type { documentEn } from './document.en.ts';

/** Simplified Chinese messages of the document part (merged into messages.zh-CN.ts). */
export const documentZhCN = {} as const satisfies {
  readonly [K in keyof typeof documentEn]: string | undefined;
};
