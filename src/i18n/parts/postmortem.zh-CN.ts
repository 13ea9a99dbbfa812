import type { postmortemEn } from './postmortem.en.ts';

/** Simplified Chinese messages of the postmortem part (merged into messages.zh-CN.ts). */
export const postmortemZhCN = {} as const satisfies {
  readonly [K in keyof typeof postmortemEn]: string | undefined;
};
