import type { dashboardsEn } from './dashboards.en.ts';

/** Simplified Chinese messages of the dashboards (merged into messages.zh-CN.ts). */
export const dashboardsZhCN = {} as const satisfies {
  readonly [K in keyof typeof dashboardsEn]: string | undefined;
};
