/** What the pager panel needs from the composition root: choices go out through these callbacks. */

/** The session's answer to a pager action: refused actions say why. */
export type PagerResult =
  { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

export interface PagerOptions {
  onAcknowledge(name: string): PagerResult;
  onEscalate(name: string, target: string): PagerResult;
  onResolve(name: string): PagerResult;
  /** Opens the runbooks panel at `runbook` (`runbooks/db-pool.md`). */
  onOpenRunbook(runbook: string): void;
  /** Sim milliseconds as the screen shows times (the clock's UTC string). */
  formatTime(tSimMs: number): string;
  /** Who a page can be escalated to (the session's page targets). */
  readonly targets: readonly string[];
}
