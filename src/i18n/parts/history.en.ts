/** English messages of the history, replay and resume screens (merged into messages.en.ts). */
export const historyEn = {} as const;
