import type { logsEn } from './logs.en.ts';

/** Simplified Chinese messages of the logs (merged into messages.zh-CN.ts). */
export const logsZhCN = {} as const satisfies {
  readonly [K in keyof typeof logsEn]: string | undefined;
};
