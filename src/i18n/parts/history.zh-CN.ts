import type { historyEn } from './history.en.ts';

/** Simplified Chinese messages of the history part (merged into messages.zh-CN.ts). */
export const historyZhCN = {} as const satisfies {
  readonly [K in keyof typeof historyEn]: string | undefined;
};
