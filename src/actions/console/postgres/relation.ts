/** A virtual relation: named, typed columns and rows computed from the sim at this moment. */
import type { InspectTarget } from '../../../scenario/vocabulary.ts';
import type { ConsoleView } from '../types.ts';
import type { ColType, Val } from './values.ts';

export type Column = { name: string; type: ColType };

/** The client session a statement runs in. */
export type Session = {
  view: ConsoleView;
  user: string;
  database: string;
  /** now() in epoch microseconds. */
  nowUs: number;
  /** The statement being executed, as pg_stat_activity shows it for this session. */
  query: string;
  pid: number;
  /** When this psql connected (epoch microseconds). */
  backendStartUs: number;
};

export type Relation = {
  name: string;
  columns: readonly Column[];
  rows: (session: Session) => Val[][];
  /** The evidence a query on this relation counts as. */
  inspect: InspectTarget | null;
};

export const cols = (spec: string): Column[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [name, type] = pair.split(':') as [string, ColType | undefined];
      return { name, type: type ?? 'text' };
    });
