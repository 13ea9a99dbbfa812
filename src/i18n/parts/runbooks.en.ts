/** English messages of the runbooks (merged into messages.en.ts). */
export const runbooksEn = {} as const;
