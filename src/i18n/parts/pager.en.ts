/** English messages of the pager (merged into messages.en.ts). */
export const pagerEn = {} as const;
