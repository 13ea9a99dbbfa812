/** English messages of the channel (merged into messages.en.ts). */
export const channelEn = {} as const;
