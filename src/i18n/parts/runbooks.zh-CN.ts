import type { runbooksEn } from './runbooks.en.ts';

/** Simplified Chinese messages of the runbooks (merged into messages.zh-CN.ts). */
export const runbooksZhCN = {} as const satisfies {
  readonly [K in keyof typeof runbooksEn]: string | undefined;
};
