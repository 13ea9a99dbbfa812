/** Kubernetes resource quantities in their canonical form: `500m`, `2`, `512Mi`, `1Gi`. */

export function cpuQuantity(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${Math.round(milli)}m`;
}

export function memoryQuantity(mib: number): string {
  if (mib % 1024 === 0) return `${mib / 1024}Gi`;
  return `${Math.round(mib)}Mi`;
}

const BINARY: Record<string, number> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
};
const DECIMAL: Record<string, number> = {
  k: 1e3 / 1048576,
  M: 1e6 / 1048576,
  G: 1e9 / 1048576,
  T: 1e12 / 1048576,
};

/** A memory quantity in MiB (`1Gi` → 1024, `800M` → 762.9, `536870912` → 512), or null. */
export function parseMemoryMiB(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2];
  if (unit === undefined) return n / 1048576;
  return n * (BINARY[unit] ?? DECIMAL[unit] ?? 0);
}

/** A CPU quantity in millicores (`500m` → 500, `2` → 2000, `1.5` → 1500), or null. */
export function parseCpuMilli(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(m)?$/.exec(text);
  if (!m) return null;
  return m[2] ? Number(m[1]) : Number(m[1]) * 1000;
}
