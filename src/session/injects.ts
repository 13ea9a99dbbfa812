/**
 * The inject library: events a facilitator or an interviewer drops into a running incident, as
 * tabletop exercises do. Each is applied by the session like any other input, so a run with
 * injects replays exactly. What people say is a catalogue key (`inject.*`) with the numbers read
 * from the system at that moment; nothing is made up.
 */
import { PAGE_TARGETS } from '../scenario/vocabulary.ts';
import type { InjectEvent } from '../scenario/vocabulary.ts';
import { MINUTE } from '../sim/index.ts';
import type { Recorder } from '../sim/index.ts';
import { latest, pct } from './responders.ts';
import type { Reply } from './responders.ts';

/** A distraction alert: real in shape (node-exporter's rule), unrelated to the incident. */
export const DISTRACTION_ALERT = {
  name: 'NodeFilesystemSpaceFillingUp',
  severity: 'page',
  summary:
    'Filesystem on /dev/nvme1n1 at logging-0:9100 has only 9.8% available space left and is filling up.',
} as const;

/** The log rotation job frees the disk after this long, and the alert resolves. */
export const DISTRACTION_CLEARS_AFTER_MS = 15 * MINUTE;

export interface InjectLook {
  readonly recorder: Recorder;
  /** Who holds each incident role now. */
  readonly roles: Readonly<Record<string, string>>;
}

/** What an inject does to the run: a message in the channel, an alert, roles that fall free. */
export interface InjectEffect {
  readonly reply?: Reply;
  readonly alert?: typeof DISTRACTION_ALERT;
  /** Roles whose holder went offline: the session clears them. */
  readonly freedRoles?: readonly string[];
}

/** The person who drops off: whoever helps the player (not the player), else the secondary. */
function whoGoesOffline(roles: Readonly<Record<string, string>>): string {
  const helpers = Object.values(roles).filter((person) => person !== 'me');
  return helpers[0] ?? 'secondary';
}

export function applyInject(event: InjectEvent, look: InjectLook): InjectEffect {
  const { recorder } = look;
  switch (event) {
    case 'partnerReport':
      return {
        reply: {
          from: 'inject.from.support',
          role: 'otherTeam',
          key: 'inject.partnerReport',
          params: {
            errors: pct(latest(recorder, 'api_error_ratio')),
            p99: Math.round(latest(recorder, 'api_p99')),
          },
        },
      };
    case 'executiveEta':
      return {
        reply: {
          from: 'inject.from.executive',
          role: 'manager',
          key: 'inject.executiveEta',
          params: {},
        },
      };
    case 'teammateOffline': {
      const person = whoGoesOffline(look.roles);
      const freedRoles = Object.entries(look.roles)
        .filter(([, holder]) => holder === person)
        .map(([role]) => role);
      return {
        reply: {
          // A team that can be paged speaks under its catalogue name; a scenario's person by name.
          from: (PAGE_TARGETS as readonly string[]).includes(person)
            ? `reply.from.${person}`
            : person,
          role: 'teammate',
          key: freedRoles.length > 0 ? 'inject.teammateOffline.roles' : 'inject.teammateOffline',
          params: { roles: freedRoles.join(', ') },
        },
        freedRoles,
      };
    }
    case 'secondAlert':
      return { alert: DISTRACTION_ALERT };
  }
}
