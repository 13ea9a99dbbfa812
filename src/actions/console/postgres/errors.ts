/**
 * Server errors as psql prints them: `ERROR:  message`, then libpq's `LINE n:` excerpt with a
 * caret under the error position (cut to 60 columns around it the way libpq cuts long lines), then
 * DETAIL and HINT.
 */
import type { Note } from '../types.ts';

export type SqlErrorInfo = {
  message: string;
  /** 0-based offset of the error in the statement text, when the server reports one. */
  position?: number | undefined;
  detail?: string | undefined;
  hint?: string | undefined;
  /** Valid SQL outside what the simulated database answers. */
  notUnderstood?: boolean | undefined;
  note?: Note | undefined;
};

/** Thrown inside the parser and evaluator; always caught before a command returns. */
export class SqlError extends Error {
  readonly info: SqlErrorInfo;
  constructor(info: SqlErrorInfo) {
    super(info.message);
    this.info = info;
  }
}

export const sqlError = (message: string, position?: number, extra: Partial<SqlErrorInfo> = {}) =>
  new SqlError({ message, position, ...extra });

/** A statement outside the supported subset: a psql-like error and our note. */
export const notSupported = (message: string, position?: number) =>
  new SqlError({ message, position, notUnderstood: true });

const DISPLAY_SIZE = 60;
const MIN_RIGHT_CUT = 10;

/** libpq's reportErrorPosition: the line holding the error, cut to fit, and the caret line. */
export function errorPosition(query: string, position: number): string {
  const loc = position;
  if (loc < 0 || loc > query.length) return '';
  const chars = query.replace(/\t/g, ' ');
  let line = 1;
  let ibeg = 0;
  let iend = chars.length;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\r' || ch === '\n') {
      if (i < loc) {
        if (ch === '\r' || i === 0 || chars[i - 1] !== '\r') line++;
        ibeg = i + 1;
      } else {
        iend = i;
        break;
      }
    }
  }
  let begTrunc = false;
  let endTrunc = false;
  if (iend - ibeg > DISPLAY_SIZE) {
    if (ibeg + DISPLAY_SIZE >= loc + MIN_RIGHT_CUT) {
      while (iend - ibeg > DISPLAY_SIZE) iend--;
      endTrunc = true;
    } else {
      while (loc + MIN_RIGHT_CUT < iend) {
        iend--;
        endTrunc = true;
      }
      while (iend - ibeg > DISPLAY_SIZE) {
        ibeg++;
        begTrunc = true;
      }
    }
  }
  const prefix = `LINE ${line}: ${begTrunc ? '...' : ''}`;
  const excerpt = chars.slice(ibeg, iend) + (endTrunc ? '...' : '');
  return `${prefix}${excerpt}\n${' '.repeat(prefix.length + loc - ibeg)}^\n`;
}

export function formatError(info: SqlErrorInfo, query: string, severity = 'ERROR'): string {
  let out = `${severity}:  ${info.message}\n`;
  if (info.position !== undefined) out += errorPosition(query, info.position);
  if (info.detail !== undefined) out += `DETAIL:  ${info.detail}\n`;
  if (info.hint !== undefined) out += `HINT:  ${info.hint}\n`;
  return out;
}

export function notesFor(info: SqlErrorInfo): Note[] {
  const notes: Note[] = [];
  if (info.note) notes.push(info.note);
  if (info.notUnderstood) notes.push({ key: 'console.note.sqlNotUnderstood' });
  return notes;
}
