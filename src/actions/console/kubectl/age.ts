/**
 * Time as kubectl prints it: ages in apimachinery's `HumanDuration` (the AGE column, describe's
 * event ages, restart times), and timestamps in describe's RFC 1123 form and YAML's RFC 3339.
 */
import { civilFromEpochMs, MONTHS, WEEKDAYS } from '../../../sim/index.ts';
import { pad2 } from '../format.ts';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** `k8s.io/apimachinery/pkg/util/duration.HumanDuration`: `45s`, `3m20s`, `150m`, `5h12m`, `3d4h`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SEC);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MIN);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  const years = Math.trunc(hours / 24 / 365);
  const days = Math.trunc(hours / 24) % 365;
  if (hours < 24 * 365 * 8) return days === 0 ? `${years}y` : `${years}y${days}d`;
  return `${years}y`;
}

/** `Thu, 12 Mar 2026 14:03:07 +0000`: how describe prints a timestamp. */
export function rfc1123(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${WEEKDAYS[c.weekday]}, ${pad2(c.day)} ${MONTHS[c.month - 1]} ${c.year} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} +0000`;
}

/** `2026-03-12T14:03:07Z`: metav1.Time in YAML and JSON (whole seconds). */
export function rfc3339(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  return `${c.year}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}Z`;
}

/** `2026-03-12T14:03:07.123456789Z`: `kubectl logs --timestamps` (nanoseconds, as the kubelet writes). */
export function rfc3339Nano(epochMs: number): string {
  const c = civilFromEpochMs(epochMs);
  const frac = String(c.millisecond).padStart(3, '0') + '000000';
  return `${rfc3339(epochMs).slice(0, -1)}.${frac}Z`;
}
