/** Runbooks and notes as the panel takes them: plain data from the composition root. */

export interface RunbookDoc {
  /** A path such as `runbooks/db-pool.md`: what alerts and other runbooks link to. */
  readonly id: string;
  readonly title: string;
  /** Markdown, rendered as text nodes only. */
  readonly body: string;
}

export interface RunbookSource {
  /** The documents, at once or when fetched; called once per mount. */
  load(): Promise<readonly RunbookDoc[]> | readonly RunbookDoc[];
}
