/** English messages of the dashboards (merged into messages.en.ts). */
export const dashboardsEn = {} as const;
