import type { channelEn } from './channel.en.ts';

/** Simplified Chinese messages of the channel (merged into messages.zh-CN.ts). */
export const channelZhCN = {} as const satisfies {
  readonly [K in keyof typeof channelEn]: string | undefined;
};
