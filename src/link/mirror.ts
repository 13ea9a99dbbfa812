/**
 * The follower end of the link: a copy of the host's run, played here from the same scenario,
 * seed and inputs, kept in lockstep by the host's ticks and checked against its state hashes. The
 * facilitator console and the projector view read this copy; whatever they want changed goes to
 * the host as a command, and comes back as an input like the player's.
 */
import type { ScenarioFile } from '../scenario/schema.ts';
import { IncidentSession } from '../session/session.ts';
import { readHostMessage } from './protocol.ts';
import type {
  FollowerCommand,
  FollowerMessage,
  LinkChannel,
  LinkState,
  RunMeta,
} from './protocol.ts';

/** No word from the host for this long: it is gone (closed, or asleep in a background tab). */
export const LOST_AFTER_MS = 4_000;
/** While waiting or lost, ask the host for its record this often. */
export const JOIN_EVERY_MS = 2_000;

export interface MirrorTimers {
  now(): number;
  every(ms: number, run: () => void): () => void;
}

export interface MirrorOptions {
  readonly runId: string;
  /** The scenario the host plays, with its variant filled in; null if this browser lacks it. */
  resolveScenario(meta: RunMeta): Promise<ScenarioFile | null>;
  /** Something changed: the run moved, or the link's state did. */
  onChange(): void;
  /** The host's run is of a scenario this window cannot load. */
  onMissingScenario?(meta: RunMeta): void;
  readonly timers?: MirrorTimers;
}

export interface Mirror {
  readonly link: LinkState;
  readonly meta: RunMeta | null;
  /** The copy of the run; null until the host's record arrived. */
  readonly session: IncidentSession | null;
  /** The host's clock speed (0 when paused). */
  readonly speed: number;
  /** Sends a command to the host. */
  send(command: FollowerCommand): void;
  close(): void;
}

const browserTimers: MirrorTimers = {
  now: () => performance.now(),
  every(ms, run) {
    const id = setInterval(run, ms);
    return () => clearInterval(id);
  },
};

export function createMirror(channel: LinkChannel, options: MirrorOptions): Mirror {
  const { runId } = options;
  const timers = options.timers ?? browserTimers;
  let link: LinkState = 'waiting';
  let meta: RunMeta | null = null;
  let session: IncidentSession | null = null;
  let speed = 0;
  let heardAt = timers.now();
  /** Bumped by every record, so a scenario that loads late does not overwrite a newer copy. */
  let generation = 0;
  let closed = false;

  const post = (message: FollowerMessage): void => channel.postMessage(message);
  const join = (): void => post({ kind: 'join', runId });
  const changed = (): void => options.onChange();
  const setLink = (next: LinkState): void => {
    if (link === next) return;
    link = next;
    changed();
  };
  const resync = (): void => {
    setLink('resyncing');
    join();
  };

  const onMessage = (event: MessageEvent): void => {
    const message = readHostMessage(event.data);
    if (!message) return;
    const id = message.kind === 'record' ? message.meta.runId : message.runId;
    if (id !== runId) return;
    heardAt = timers.now();
    switch (message.kind) {
      case 'record': {
        const mine = ++generation;
        const record = message;
        void options.resolveScenario(record.meta).then((scenario) => {
          if (closed || mine !== generation) return;
          if (!scenario) {
            meta = record.meta;
            options.onMissingScenario?.(record.meta);
            setLink('lost');
            return;
          }
          meta = record.meta;
          session = IncidentSession.replay(scenario, record.meta.seed, record.inputs, record.t);
          speed = record.speed;
          link = 'inSync';
          changed();
        });
        return;
      }
      case 'input': {
        if (!session || link === 'resyncing') return;
        // Already applied (a record sent it too), or one went missing: then start again.
        if (message.index < session.inputs.length) return;
        if (message.index > session.inputs.length) return resync();
        session.apply(message.input);
        changed();
        return;
      }
      case 'tick': {
        if (link === 'lost' && session) setLink('inSync');
        if (!session || link !== 'inSync') return;
        speed = message.speed;
        session.advanceTo(message.t);
        if (message.hash !== undefined && session.t === message.t) {
          if (session.run.sim.hash() !== message.hash) return resync();
        }
        changed();
        return;
      }
      case 'bye':
        setLink('lost');
        return;
    }
  };

  channel.addEventListener('message', onMessage);
  join();
  const stopWatch = timers.every(JOIN_EVERY_MS / 2, () => {
    if (closed) return;
    const silent = timers.now() - heardAt > LOST_AFTER_MS;
    if (silent && link === 'inSync') setLink('lost');
    if (link !== 'inSync' && timers.now() - heardAt > JOIN_EVERY_MS) join();
  });

  return {
    get link() {
      return link;
    },
    get meta() {
      return meta;
    },
    get session() {
      return session;
    },
    get speed() {
      return speed;
    },
    send(command) {
      post({ kind: 'command', runId, command });
    },
    close() {
      if (closed) return;
      closed = true;
      stopWatch();
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
