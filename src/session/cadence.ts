/**
 * The stakeholders' side of communication: nobody waits quietly in a real incident. When the
 * player has declared an incident and posted nothing for the update cadence (20 minutes, the
 * usual norm for a major incident), the engineering manager asks for an update; and when a page
 * has rung for a while with no incident declared, the manager asks whether this is one. Each
 * nudge is a reply on the timeline, computed from the incident record, so replays repeat it.
 */
import { MINUTE } from '../sim/index.ts';
import type { Reply } from './responders.ts';

/** How long after the last update (or the declaration) the manager asks for the next one. */
export const UPDATE_CADENCE_MS = 20 * MINUTE;
/** How long a page may ring with no incident declared before the manager asks. */
export const UNDECLARED_NUDGE_MS = 15 * MINUTE;

export interface CadenceView {
  readonly t: number;
  readonly declaredAt: number | null;
  /** Times of the player's updates, any audience. */
  readonly updates: readonly number[];
  /** When the first high-urgency page fired, if one did. */
  readonly firstPageAt: number | null;
}

export class UpdateCadence {
  /** The silence the last nudge was about: one nudge per silence. */
  private nudgedFor: number | null = null;
  private askedToDeclare = false;

  /** A nudge due now, or null. Call once per step. */
  check(view: CadenceView): Reply | null {
    if (view.declaredAt === null) {
      if (
        !this.askedToDeclare &&
        view.firstPageAt !== null &&
        view.t - view.firstPageAt >= UNDECLARED_NUDGE_MS
      ) {
        this.askedToDeclare = true;
        return {
          from: 'reply.from.manager',
          role: 'manager',
          key: 'reply.manager.askDeclare',
          params: { minutes: Math.floor((view.t - view.firstPageAt) / MINUTE) },
        };
      }
      return null;
    }
    const lastSpoke = Math.max(view.declaredAt, ...view.updates);
    const silence = view.t - lastSpoke;
    // A later silence starts after each update; several nudges for one silence would be noise.
    if (silence < UPDATE_CADENCE_MS || this.nudgedFor === lastSpoke) return null;
    this.nudgedFor = lastSpoke;
    return {
      from: 'reply.from.manager',
      role: 'manager',
      key: view.updates.length === 0 ? 'reply.manager.askFirstUpdate' : 'reply.manager.askUpdate',
      params: { minutes: Math.floor(silence / MINUTE) },
    };
  }
}
