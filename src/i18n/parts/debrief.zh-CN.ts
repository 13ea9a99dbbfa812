import type { debriefEn } from './debrief.en.ts';

/** Simplified Chinese messages of the debrief part (merged into messages.zh-CN.ts). */
export const debriefZhCN = {} as const satisfies {
  readonly [K in keyof typeof debriefEn]: string | undefined;
};
