/** English messages of the topology (merged into messages.en.ts). */
export const topologyEn = {} as const;
