import type { pagerEn } from './pager.en.ts';

/** Simplified Chinese messages of the pager (merged into messages.zh-CN.ts). */
export const pagerZhCN = {} as const satisfies {
  readonly [K in keyof typeof pagerEn]: string | undefined;
};
