/**
 * Numeric helpers for the queueing model. All of them are pure and use only IEEE-754 arithmetic and
 * the `Math` functions V8 implements identically everywhere (fdlibm ports), so results are
 * reproducible across runs and machines.
 */

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function inverseNormal(p: number): number {
  const a = [
    -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
    -3.066479806614716e1, 2.506628277459239,
  ];
  const b = [
    -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
    -1.328068155288572e1,
  ];
  const c = [
    -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Mean queueing delay for a k-server station at utilisation rho, as a multiple of the service
 * time. Sakasegawa's approximation gives the queue length Lq = rho^sqrt(2(k+1)) / (1 - rho); by
 * Little's law the wait is Lq / lambda = S * rho^(sqrt(2(k+1)) - 1) / (k (1 - rho)), which is exact
 * for one server (rho / (1 - rho)). Utilisation is capped just below 1; above that, callers model
 * the backlog explicitly.
 */
export function queueDelayFactor(rho: number, servers: number): number {
  if (!(rho > 0)) return 0;
  const k = Math.max(1, servers);
  const r = Math.min(rho, 0.985);
  return Math.pow(r, Math.sqrt(2 * (k + 1)) - 1) / (k * (1 - r));
}

/**
 * A latency mixture: weighted log-normal components (one per request path: cache hit, query,
 * pool wait, resolver timeout...). Quantiles are exact for the mixture: found by bisection on its
 * CDF, inside the bracket given by the components' own quantiles. Components with the same shape
 * are merged on insertion, so a mixture stays small however many pods feed it.
 */
export class LatencyMixture {
  private readonly weight: Float64Array;
  private readonly median: Float64Array;
  private readonly logMedian: Float64Array;
  private readonly sigma: Float64Array;
  private n = 0;
  private total = 0;

  /**
   * @param capacity components kept before new ones are folded into the nearest
   * @param mergeTolerance components with the same shape whose medians differ by less than this
   *   (in log space) are merged; an aggregate of many routes can afford a coarser value.
   */
  constructor(
    capacity = 64,
    private readonly mergeTolerance = 0.01,
  ) {
    this.weight = new Float64Array(capacity);
    this.median = new Float64Array(capacity);
    this.logMedian = new Float64Array(capacity);
    this.sigma = new Float64Array(capacity);
  }

  clear(): void {
    this.n = 0;
    this.total = 0;
  }

  /** Adds `weight` requests whose latency is log-normal with this median (ms) and shape. */
  add(weight: number, medianMs: number, sigma: number): void {
    if (!(weight > 0)) return;
    const m = Math.max(0.01, medianMs);
    const lm = Math.log(m);
    for (let i = 0; i < this.n; i++) {
      if (this.sigma[i] === sigma && Math.abs(this.logMedian[i]! - lm) < this.mergeTolerance) {
        const w = this.weight[i]!;
        const merged = (this.logMedian[i]! * w + lm * weight) / (w + weight);
        this.logMedian[i] = merged;
        this.median[i] = Math.exp(merged);
        this.weight[i] = w + weight;
        this.total += weight;
        return;
      }
    }
    if (this.n >= this.weight.length) {
      // Full: fold the weight into the nearest component rather than lose requests.
      let nearest = 0;
      for (let i = 1; i < this.n; i++)
        if (Math.abs(this.logMedian[i]! - lm) < Math.abs(this.logMedian[nearest]! - lm))
          nearest = i;
      this.weight[nearest] = this.weight[nearest]! + weight;
      this.total += weight;
      return;
    }
    this.weight[this.n] = weight;
    this.median[this.n] = m;
    this.logMedian[this.n] = lm;
    this.sigma[this.n] = sigma;
    this.n++;
    this.total += weight;
  }

  get count(): number {
    return this.total;
  }

  get components(): number {
    return this.n;
  }

  /** The mixture's CDF at `x` ms. */
  cdf(x: number): number {
    return this.logCdf(Math.log(x));
  }

  /** The mixture's CDF at `exp(lx)` ms. */
  private logCdf(lx: number): number {
    if (this.total <= 0) return 0;
    let sum = 0;
    for (let i = 0; i < this.n; i++) {
      const s = this.sigma[i]!;
      sum +=
        this.weight[i]! *
        (s > 0 ? normalCdf((lx - this.logMedian[i]!) / s) : lx >= this.logMedian[i]! ? 1 : 0);
    }
    return sum / this.total;
  }

  /** Fills `out` with the quantiles `ps` (each in (0,1)), in ms. */
  quantiles(ps: readonly number[], out: Float64Array): void {
    if (this.total <= 0) {
      out.fill(0);
      return;
    }
    for (let qi = 0; qi < ps.length; qi++) {
      const p = ps[qi]!;
      const z = inverseNormal(p);
      if (this.n === 1) {
        out[qi] = Math.exp(this.logMedian[0]! + this.sigma[0]! * z);
        continue;
      }
      let lo = Number.POSITIVE_INFINITY;
      let hi = 0;
      for (let i = 0; i < this.n; i++) {
        const q = this.logMedian[i]! + this.sigma[i]! * z;
        if (q < lo) lo = q;
        if (q > hi) hi = q;
      }
      // Regula falsi (Illinois variant) on the CDF in log space: the CDF is smooth and monotone
      // inside the bracket, so it converges in a few evaluations where bisection needs a dozen.
      let flo = this.logCdf(lo) - p;
      let fhi = this.logCdf(hi) - p;
      let side = 0;
      for (let k = 0; k < 12 && hi - lo > 0.001; k++) {
        let x = fhi !== flo ? (lo * fhi - hi * flo) / (fhi - flo) : 0.5 * (lo + hi);
        if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
        const fx = this.logCdf(x) - p;
        if (fx < 0) {
          lo = x;
          flo = fx;
          if (side === -1) fhi *= 0.5;
          side = -1;
        } else {
          hi = x;
          fhi = fx;
          if (side === 1) flo *= 0.5;
          side = 1;
        }
      }
      // Where the CDF is flat (a gap between modes) secant steps stall: finish by bisection,
      // which always closes the bracket on the smallest x with CDF(x) >= p.
      while (hi - lo > 0.001) {
        const mid = 0.5 * (lo + hi);
        if (this.logCdf(mid) < p) lo = mid;
        else hi = mid;
      }
      out[qi] = Math.exp(0.5 * (lo + hi));
    }
  }

  /** Share of requests slower than `thresholdMs`. */
  shareAbove(thresholdMs: number): number {
    if (this.total <= 0) return 0;
    let sum = 0;
    for (let i = 0; i < this.n; i++)
      sum += this.weight[i]! * shareAbove(this.median[i]!, this.sigma[i]!, thresholdMs);
    return sum / this.total;
  }

  /** Copies another mixture's components into this one, shifted by `shiftMs` and scaled in weight. */
  addShifted(other: LatencyMixture, shiftMs: number, weightScale: number): void {
    if (other.total <= 0 || !(weightScale > 0)) return;
    for (let i = 0; i < other.n; i++)
      this.add(other.weight[i]! * weightScale, other.median[i]! + shiftMs, other.sigma[i]!);
  }

  /** Mean latency in ms. */
  mean(): number {
    if (this.total <= 0) return 0;
    let sum = 0;
    for (let i = 0; i < this.n; i++) {
      const s = this.sigma[i]!;
      sum += this.weight[i]! * this.median[i]! * Math.exp((s * s) / 2);
    }
    return sum / this.total;
  }
}

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 on erf, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  // Beyond 8 standard deviations the answer is 0 or 1 to double precision: skip the exp.
  if (x > 8) return 1;
  if (x < -8) return 0;
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Share of a log-normal (median, sigma) above a threshold. */
export function shareAbove(medianMs: number, sigma: number, thresholdMs: number): number {
  if (medianMs <= 0) return 0;
  if (sigma <= 0) return medianMs > thresholdMs ? 1 : 0;
  return 1 - normalCdf(Math.log(thresholdMs / medianMs) / sigma);
}
