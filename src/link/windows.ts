/**
 * The follower windows of a run: their URLs and how they open. Small on purpose: the incident
 * screen imports it for its Facilitator button without loading the follower views themselves.
 */
export type FollowerKind = 'facilitator' | 'projector';

/** The URL of a follower window of `runId`, on this page (`?facilitator=<run>`). */
export function followerUrl(kind: FollowerKind, runId: string, href = location.href): string {
  const url = new URL(href);
  url.search = `?${kind}=${encodeURIComponent(runId)}`;
  url.hash = '';
  return url.toString();
}

/** Opens (or brings forward) the follower window of a run; null when the browser blocked it. */
export function openFollowerWindow(kind: FollowerKind, runId: string): Window | null {
  const features =
    kind === 'projector' ? 'popup,width=1920,height=1080' : 'popup,width=1280,height=860';
  return window.open(followerUrl(kind, runId), `on-call-drill-${kind}-${runId}`, features);
}

/** The follower a URL asks for, if any: `?facilitator=<run>` or `?projector=<run>`. */
export function followerOfUrl(search: string): { kind: FollowerKind; runId: string } | null {
  const params = new URLSearchParams(search);
  for (const kind of ['facilitator', 'projector'] as const) {
    const runId = params.get(kind);
    if (runId !== null && /^[a-z0-9]{1,40}$/.test(runId)) return { kind, runId };
  }
  return null;
}
