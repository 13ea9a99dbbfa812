/** Turns a console note into text in the current locale. */
import { interpolate, lookup } from '../../i18n/index.ts';
import type { ConsoleNote } from './types.ts';

export function noteText(note: ConsoleNote): string {
  const params: Record<string, string | number> = { ...note.params };
  // Refs name catalogue entries (a command's summary, say): translate them, then fill them in.
  for (const [name, key] of Object.entries(note.refs ?? {})) params[name] = lookup(key);
  return interpolate(lookup(note.key), params);
}
