/** English messages of the postmortem's own words (built in src/postmortem/) (merged into messages.en.ts). */
export const postmortemEn = {} as const;
