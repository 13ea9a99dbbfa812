/**
 * The host end of the link: the window that plays the run tells the followers what it needs to
 * play the same run (its inputs and how far the clock went) and takes their commands (pause,
 * resume, a facilitator's action). The host stays the only writer: a facilitator's inject is
 * performed here, becomes an input of the run, and reaches the followers like any other.
 */
import type { ActResult, SessionInput } from '../session/session.ts';
import { readFollowerMessage } from './protocol.ts';
import type { HostMessage, LinkChannel, RunMeta } from './protocol.ts';

/** What the host reads from its run, and the two things followers may ask of it. */
export interface HostedRun {
  readonly meta: RunMeta;
  inputs(): readonly SessionInput[];
  t(): number;
  speed(): number;
  ended(): boolean;
  hash(): string;
  setSpeed(speed: number): void;
  /** Performs an action as the facilitator's (validated by the session). */
  perform(action: unknown): ActResult;
}

/** A state hash goes out with the tick that crosses each boundary of this many simulated ms. */
export const HASH_EVERY_MS = 10_000;
/** How often the host says it is alive while nothing moves (paused, or ended). */
export const HEARTBEAT_MS = 1_000;

export interface LinkHost {
  /** Sends what moved since the last call: new inputs first, then the clock. */
  sync(): void;
  /** Says goodbye and stops listening. */
  close(): void;
}

export interface HostTimers {
  every(ms: number, run: () => void): () => void;
}

const browserTimers: HostTimers = {
  every(ms, run) {
    const id = setInterval(run, ms);
    return () => clearInterval(id);
  },
};

export function createLinkHost(
  channel: LinkChannel,
  run: HostedRun,
  timers: HostTimers = browserTimers,
): LinkHost {
  const { runId } = run.meta;
  let sent = 0;
  let lastT = -1;
  let lastSpeed = -1;
  let lastEnded = false;
  /** The speed a resume goes back to. */
  let resumeSpeed = run.speed() > 0 ? run.speed() : 1;
  let closed = false;
  const post = (message: HostMessage): void => channel.postMessage(message);

  const tick = (withHash: boolean): void => {
    const t = run.t();
    lastT = t;
    lastSpeed = run.speed();
    lastEnded = run.ended();
    post({
      kind: 'tick',
      runId,
      t,
      speed: lastSpeed,
      ended: lastEnded,
      ...(withHash ? { hash: run.hash() } : {}),
    });
  };

  const sync = (): void => {
    if (closed) return;
    const inputs = run.inputs();
    for (; sent < inputs.length; sent += 1)
      post({ kind: 'input', runId, index: sent, input: inputs[sent]! });
    const t = run.t();
    if (t === lastT && run.speed() === lastSpeed && run.ended() === lastEnded) return;
    const crossed = Math.floor(t / HASH_EVERY_MS) !== Math.floor(lastT / HASH_EVERY_MS);
    tick(crossed || run.ended() !== lastEnded);
  };

  const onMessage = (event: MessageEvent): void => {
    const message = readFollowerMessage(event.data);
    if (!message || message.runId !== runId) return;
    if (message.kind === 'join') {
      sync();
      post({
        kind: 'record',
        meta: run.meta,
        inputs: run.inputs(),
        t: run.t(),
        speed: run.speed(),
      });
      return;
    }
    const { command } = message;
    if (command.type === 'pause') {
      if (run.speed() > 0) resumeSpeed = run.speed();
      run.setSpeed(0);
    } else if (command.type === 'resume') {
      if (!run.ended()) run.setSpeed(resumeSpeed);
    } else {
      run.perform(command.action);
    }
    sync();
  };

  channel.addEventListener('message', onMessage);
  // While nothing moves the followers still hear the host, with a hash to check against.
  const stopHeartbeat = timers.every(HEARTBEAT_MS, () => {
    if (closed) return;
    sync();
    tick(true);
  });

  return {
    sync,
    close() {
      if (closed) return;
      sync();
      closed = true;
      stopHeartbeat();
      channel.removeEventListener('message', onMessage);
      post({ kind: 'bye', runId });
      channel.close();
    },
  };
}
