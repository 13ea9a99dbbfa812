import type { topologyEn } from './topology.en.ts';

/** Simplified Chinese messages of the topology (merged into messages.zh-CN.ts). */
export const topologyZhCN = {} as const satisfies {
  readonly [K in keyof typeof topologyEn]: string | undefined;
};
