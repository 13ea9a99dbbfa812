/**
 * Pod squares under a component: where each goes, and the little lives they lead (appearing,
 * crashing, fading while Terminating), tracked by pod name across snapshots. Pure.
 */
import type { ComponentHealth, ComponentId, PodView } from '../store/index.ts';
import type { Rect } from './topology-layout.ts';

export interface PodGrid {
  readonly cols: number;
  readonly rows: number;
  /** Pods drawn; the rest are summed up as "+N" in the last slot. */
  readonly shown: number;
  readonly overflow: number;
  /** Top-left corner of the i-th slot (the overflow label goes in slot `shown`). */
  slot(i: number, out: { x: number; y: number }): void;
}

const MAX_ROWS = 2;

/** Lays `count` squares of `size` into `band`, in at most two centred rows. */
export function podGrid(count: number, band: Rect, size: number, gap: number): PodGrid {
  const pitch = size + gap;
  const cols = Math.max(1, Math.floor((band.w + gap) / pitch));
  const capacity = cols * MAX_ROWS;
  const overflow = count > capacity ? count - (capacity - 1) : 0;
  const shown = overflow > 0 ? capacity - 1 : count;
  const slots = shown + (overflow > 0 ? 1 : 0);
  const rows = Math.min(MAX_ROWS, Math.ceil(slots / cols));
  return {
    cols,
    rows,
    shown,
    overflow,
    slot(i, out) {
      const row = Math.floor(i / cols);
      const inRow = row < rows - 1 ? cols : slots - row * cols;
      const rowWidth = inRow * pitch - gap;
      out.x = band.x + (band.w - rowWidth) / 2 + (i - row * cols) * pitch;
      out.y = band.y + row * pitch;
    },
  };
}

/** Total restarts of a component's pods (kubectl's RESTARTS column, summed). */
export function totalRestarts(pods: readonly PodView[]): number {
  let sum = 0;
  for (const pod of pods) sum += pod.restarts;
  return sum;
}

const APPEAR_MS = 320;
const BURST_MS = 700;
const FADE_MS = 6000;

interface PodLife {
  bornAt: number;
  restarts: number;
  phase: PodView['phase'];
  crashedAt: number;
  terminatingSince: number;
  seen: number;
}

/**
 * Remembers each pod between snapshots so the scene can animate what changed: a new pod grows
 * in, a restart or a fall into CrashLoopBackOff sends out a burst, Terminating fades. Pods present
 * at the first snapshot are taken as already there.
 */
export class PodLives {
  private readonly lives = new Map<string, PodLife>();
  private generation = 0;
  private primed = false;

  /** Takes in the components' pods at wall time `now` (ms). */
  update(components: Readonly<Record<ComponentId, ComponentHealth>>, now: number): void {
    const generation = ++this.generation;
    for (const component of Object.values(components)) {
      for (const pod of component.pods) {
        const key = podKey(component.id, pod.name);
        const life = this.lives.get(key);
        if (!life) {
          this.lives.set(key, {
            bornAt: this.primed ? now : -Infinity,
            restarts: pod.restarts,
            phase: pod.phase,
            crashedAt: -Infinity,
            terminatingSince: pod.phase === 'Terminating' ? now : -Infinity,
            seen: generation,
          });
          continue;
        }
        life.seen = generation;
        const crashed =
          pod.restarts > life.restarts ||
          (pod.phase === 'CrashLoopBackOff' && life.phase !== 'CrashLoopBackOff');
        if (crashed) life.crashedAt = now;
        if (pod.phase === 'Terminating' && life.phase !== 'Terminating')
          life.terminatingSince = now;
        life.restarts = pod.restarts;
        life.phase = pod.phase;
      }
    }
    for (const [key, life] of this.lives) if (life.seen !== generation) this.lives.delete(key);
    this.primed = true;
  }

  /** 0..1 while a new pod grows in, 1 after. */
  appear(id: ComponentId, name: string, now: number): number {
    const life = this.lives.get(podKey(id, name));
    if (!life) return 1;
    return Math.min(1, Math.max(0, (now - life.bornAt) / APPEAR_MS));
  }

  /** 0..1 through the burst after a crash, or -1 when there is none. */
  burst(id: ComponentId, name: string, now: number): number {
    const life = this.lives.get(podKey(id, name));
    if (!life) return -1;
    const p = (now - life.crashedAt) / BURST_MS;
    return p >= 0 && p < 1 ? p : -1;
  }

  /** Opacity multiplier for a Terminating pod: from 1 down to 0.25 over a few seconds. */
  fade(id: ComponentId, name: string, now: number): number {
    const life = this.lives.get(podKey(id, name));
    if (!life || life.phase !== 'Terminating') return 1;
    const p = Math.min(1, Math.max(0, (now - life.terminatingSince) / FADE_MS));
    return 1 - 0.75 * p;
  }

  /** Whether any pod is mid-animation at `now` (the scene keeps redrawing until none is). */
  animating(now: number): boolean {
    for (const life of this.lives.values()) {
      if (now - life.bornAt < APPEAR_MS) return true;
      if (now - life.crashedAt < BURST_MS) return true;
      if (life.phase === 'Terminating' && now - life.terminatingSince < FADE_MS) return true;
    }
    return false;
  }

  get size(): number {
    return this.lives.size;
  }
}

function podKey(id: ComponentId, name: string): string {
  return `${id}/${name}`;
}
