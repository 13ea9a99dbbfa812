/** What function implementations share: the call context, the effects they record, arg helpers. */
import type { Session } from './relation.ts';
import { sqlError } from './errors.ts';
import type { Val } from './values.ts';
import { asNumber, show, typeName } from './values.ts';

export type Effects = {
  /** WARNING/NOTICE lines psql prints before the result. */
  notices: string[];
  signals: { pid: number; cancel: boolean }[];
  reload: boolean;
  droppedSlots: string[];
};

export const newEffects = (): Effects => ({
  notices: [],
  signals: [],
  reload: false,
  droppedSlots: [],
});

export type FnCtx = { session: Session; effects: Effects };

export type Impl = (args: Val[], ctx: FnCtx, pos: number) => Val;
export type Fn = { min: number; max: number; impl: Impl; check?: (args: Val[]) => boolean };

export const isText = (v: Val): boolean => v === null || (typeof v === 'object' && v.t === 'text');
export const isNum = (v: Val): boolean =>
  v === null || (typeof v === 'object' && (v.t === 'int' || v.t === 'num'));
export const isNumOrFloat = (v: Val): boolean =>
  isNum(v) || (typeof v === 'object' && v !== null && v.t === 'float');
export const str = (v: Val): string => (v === null ? '' : show(v));
export const num = (v: Val): number => asNumber(v) ?? 0;

export function textArg(v: Val, pos: number, what: string): string {
  if (v !== null && typeof v === 'object' && v.t === 'text') return v.v;
  throw sqlError(`invalid input for ${what}`, pos);
}

export function noFunction(name: string, args: Val[], pos: number): Error {
  return sqlError(`function ${name}(${args.map(typeName).join(', ')}) does not exist`, pos, {
    hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
  });
}
