/** English messages of the debrief screen (merged into messages.en.ts). */
export const debriefEn = {} as const;
