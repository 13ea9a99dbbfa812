/**
 * Classroom credit: which incident role owns each thing the players did, and who held that role
 * at that moment, followed along the run's timeline. The postmortem's timeline and the
 * facilitator's activity both credit through this, so they always agree (docs/postmortem.md).
 */
import type { PlayerRecord, TimelineEntry } from '../scenario/runner.ts';

/** The incident role a player's action belongs to; null for what no role owns. */
export function roleOf(action: PlayerRecord, lever: boolean): string | null {
  if (lever) return 'operations';
  switch (action.type) {
    case 'decision':
      return typeof action['role'] === 'string' ? action['role'] : null;
    case 'inspect':
      return 'operations';
    case 'postUpdate':
      return 'communications';
    case 'declareIncident':
    case 'assignRole':
    case 'page':
    case 'escalateAlert':
    case 'acknowledgeAlert':
    case 'resolveAlert':
      return 'commander';
    case 'hypothesis':
    case 'note':
      return 'scribe';
    default:
      return null;
  }
}

export interface Credit {
  readonly role: string;
  readonly person: string;
}

/** Who holds each role as the timeline goes; ask for an entry's credit, then follow it. */
export class RoleHolders {
  private readonly holders = new Map<string, string>();

  /**
   * The role an entry is credited to and its holder then; null when no role owns it, nobody
   * holds the role, or the facilitator did it (a decision they record is the class's, though).
   */
  creditOf(e: TimelineEntry): Credit | null {
    let role: string | null = null;
    if (e.kind === 'command') role = 'operations';
    else if (e.kind === 'action') {
      if (e.source === 'facilitator' && e.action.type !== 'decision') return null;
      role = roleOf(e.action, e.lever);
    }
    const person = role === null ? undefined : this.holders.get(role);
    return role !== null && person !== undefined ? { role, person } : null;
  }

  /** Takes in what an entry changed: a role handed to someone, roles a teammate left free. */
  follow(e: TimelineEntry): void {
    if (e.kind === 'action' && e.action.type === 'assignRole')
      this.holders.set(String(e.action['role']), String(e.action['person']));
    // A teammate who went offline (an inject) leaves their roles free.
    if (e.kind === 'reply' && e.key === 'inject.teammateOffline.roles')
      for (const role of String(e.params['roles']).split(', ')) this.holders.delete(role);
  }
}
