/** English messages of the logs (merged into messages.en.ts). */
export const logsEn = {} as const;
