/**
 * The lockstep link between the window that plays a run (the host) and the windows that follow it
 * (the facilitator console, the projector view). The run is deterministic, so the followers do not
 * receive state: they receive the run's inputs and how far the clock went, and play the same run
 * themselves. The host sends a state hash now and then; a follower whose hash differs asks for the
 * whole record again. See docs/facilitator.md.
 *
 * Messages cross windows as data, so each is checked before it is used; anything malformed is
 * ignored (another page of the same origin could post to the channel).
 */
import { checkInput } from '../session/run-record.ts';
import type { SessionInput } from '../session/session.ts';

/** One channel for every run of this origin; messages carry the run id. */
export const CHANNEL_NAME = 'on-call-drill/link/v1';

/** Whether a follower's copy of the run matches the host's (see src/ui/facilitator/model.ts). */
export type LinkState = 'waiting' | 'inSync' | 'resyncing' | 'lost';

/** What a follower needs to build the same run. */
export interface RunMeta {
  readonly runId: string;
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly seed: number;
  readonly mode: string;
  /** Interview mode: the countdown in simulated ms; null without one. */
  readonly limitMs: number | null;
  readonly title: string;
}

export type HostMessage =
  /** The whole record so far: a follower (re)builds its copy from it. */
  | {
      readonly kind: 'record';
      readonly meta: RunMeta;
      readonly inputs: readonly SessionInput[];
      readonly t: number;
      readonly speed: number;
    }
  /** The next input; `index` is its place in the record, so a gap is noticed. */
  | {
      readonly kind: 'input';
      readonly runId: string;
      readonly index: number;
      readonly input: SessionInput;
    }
  /** The clock reached `t` (sent every frame it moved, and once a second as a heartbeat). */
  | {
      readonly kind: 'tick';
      readonly runId: string;
      readonly t: number;
      readonly speed: number;
      readonly ended: boolean;
      /** The simulation's state hash at `t`, every so often. */
      readonly hash?: string;
    }
  /** The host left the run (the window closed, or the player went back to the library). */
  | { readonly kind: 'bye'; readonly runId: string };

export type FollowerCommand =
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  /** An action the host performs as the facilitator's (validated there, like any action). */
  | { readonly type: 'perform'; readonly action: unknown };

export type FollowerMessage =
  | { readonly kind: 'join'; readonly runId: string }
  | { readonly kind: 'command'; readonly runId: string; readonly command: FollowerCommand };

type Data = Record<string, unknown>;
const isRecord = (v: unknown): v is Data =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;

function metaOf(v: unknown): RunMeta | null {
  if (!isRecord(v)) return null;
  const { runId, scenarioId, scenarioVersion, seed, mode, limitMs, title } = v;
  if (!isText(runId) || !isText(scenarioId) || !isWhole(scenarioVersion) || !isWhole(seed))
    return null;
  if (!isText(mode) || !isText(title, 2000) || !(limitMs === null || isWhole(limitMs))) return null;
  return { runId, scenarioId, scenarioVersion, seed, mode, limitMs, title };
}

/** A host's message, checked; null if it is not one. */
export function readHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data)) return null;
  switch (data['kind']) {
    case 'record': {
      const meta = metaOf(data['meta']);
      const list = data['inputs'];
      if (!meta || !Array.isArray(list) || !isWhole(data['t']) || !isWhole(data['speed']))
        return null;
      const inputs = list.map(checkInput);
      if (inputs.some((i) => i === null)) return null;
      return {
        kind: 'record',
        meta,
        inputs: inputs as SessionInput[],
        t: data['t'],
        speed: data['speed'],
      };
    }
    case 'input': {
      const input = checkInput(data['input']);
      if (!isText(data['runId']) || !isWhole(data['index']) || input === null) return null;
      return { kind: 'input', runId: data['runId'], index: data['index'], input };
    }
    case 'tick': {
      const { runId, t, speed, ended, hash } = data;
      if (!isText(runId) || !isWhole(t) || !isWhole(speed) || typeof ended !== 'boolean')
        return null;
      if (hash !== undefined && !isText(hash)) return null;
      return { kind: 'tick', runId, t, speed, ended, ...(hash === undefined ? {} : { hash }) };
    }
    case 'bye':
      return isText(data['runId']) ? { kind: 'bye', runId: data['runId'] } : null;
    default:
      return null;
  }
}

/** A follower's message, checked; null if it is not one. */
export function readFollowerMessage(data: unknown): FollowerMessage | null {
  if (!isRecord(data) || !isText(data['runId'])) return null;
  const runId = data['runId'];
  if (data['kind'] === 'join') return { kind: 'join', runId };
  if (data['kind'] !== 'command' || !isRecord(data['command'])) return null;
  const command = data['command'];
  switch (command['type']) {
    case 'pause':
    case 'resume':
      return { kind: 'command', runId, command: { type: command['type'] } };
    case 'perform':
      return { kind: 'command', runId, command: { type: 'perform', action: command['action'] } };
    default:
      return null;
  }
}

/** The part of BroadcastChannel the link uses (tests pass a fake or Node's own). */
export interface LinkChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export const openChannel = (): LinkChannel | null =>
  typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;

/** A run id for the link and the URLs of the follower windows: short, unique enough per browser. */
export function newRunId(random: () => number): string {
  return Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
}
