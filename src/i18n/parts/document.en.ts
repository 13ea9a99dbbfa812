/** English messages of the postmortem document's headings and labels (src/postmortem/markdown.ts) (merged into messages.en.ts). */
export const documentEn = {} as const;
