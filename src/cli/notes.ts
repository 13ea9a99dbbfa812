/** The console's own hints, in English, for the headless runner. */
import type { Note } from '../actions/console/types.ts';
import { interpolate, lookup } from '../i18n/index.ts';

export function describeNote(note: Note): string {
  const refs = Object.fromEntries(
    Object.entries(note.refs ?? {}).map(([k, key]) => [k, lookup(key, 'en')]),
  );
  return interpolate(lookup(note.key, 'en'), { ...(note.params ?? {}), ...refs });
}
