export { createIncidentStore, setFocus, watch } from './incident-store.ts';
export type { IncidentStore, IncidentStoreInit, IncidentViewState } from './incident-store.ts';
export * from './types.ts';
