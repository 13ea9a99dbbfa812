/**
 * Communication: declared, with a severity, promptly; kept people updated at a steady cadence;
 * told customers on the status page.
 *
 * - declared: an incident declared within 15 minutes of the detection (the first page or report),
 *   or before it;
 * - updates: at least one update posted (internal or status page);
 * - cadence: the longest silence while users were hurt (the postmortem's communication score)
 *   at most 20 minutes; only judged once declared with an impact;
 * - status page: a status page update, when customers were affected.
 *
 * Strong: every check that applies passed. Weak: never declared although users were hurt or a
 * page rang, or at most one check passed. Mixed otherwise. Not shown when there was nothing to
 * communicate (no impact, no page) and the candidate said nothing.
 */
import type { InterviewFacts } from '../facts.ts';
import type { Criterion, Finding, Rating } from '../model.ts';
import { DECLARE_NORM_MS, UPDATE_NORM_MS } from '../norms.ts';
import { clock, criterion, finding, ref, span } from './shape.ts';

function declared(f: InterviewFacts): Finding {
  const decl = f.marked('declaration');
  const detection = f.marked('detection');
  const severity = f.pm.severity ?? '';
  if (!decl)
    return finding('declared', false, ref('interview.finding.declared.never'), [detection]);
  if (!detection || decl.id < detection.id)
    return finding('declared', true, ref('interview.finding.declared.before', { severity }), [
      decl,
    ]);
  const delay = decl.t - detection.t;
  return finding(
    'declared',
    delay <= DECLARE_NORM_MS,
    ref(
      delay <= DECLARE_NORM_MS
        ? 'interview.finding.declared.prompt'
        : 'interview.finding.declared.late',
      { severity, delay: span(delay), norm: DECLARE_NORM_MS / 60_000 },
    ),
    [detection, decl],
  );
}

function updates(f: InterviewFacts): Finding {
  const n = f.updates.length;
  return n > 0
    ? finding('updates', true, ref('interview.finding.updates.ok', { count: n }), f.updates)
    : finding('updates', false, ref('interview.finding.updates.none'));
}

/** The longest silence while users were hurt; null when the score did not measure one. */
function cadence(f: InterviewFacts): Finding | null {
  const score = f.score('communication');
  if (!score || score.value === null || !f.marked('declaration')) return null;
  const gap = score.value;
  const ends = f.pm.timeline.filter(
    (i) => score.evidence.includes(i.id) && i.kind !== 'declare' && !f.updates.includes(i),
  );
  return finding(
    'cadence',
    gap <= UPDATE_NORM_MS,
    ref(gap <= UPDATE_NORM_MS ? 'interview.finding.cadence.ok' : 'interview.finding.cadence.gap', {
      gap: span(gap),
      norm: UPDATE_NORM_MS / 60_000,
    }),
    ends,
  );
}

/** Status page use; null when customers were never affected. */
function statusPage(f: InterviewFacts): Finding | null {
  if (f.pm.impact.startedAt === null) return null;
  const first = f.statusPosts[0];
  return first
    ? finding('statusPage', true, ref('interview.finding.statusPage.ok', { at: clock(first.t) }), [
        first,
      ])
    : finding('statusPage', false, ref('interview.finding.statusPage.never'), [f.marked('impact')]);
}

export function communication(f: InterviewFacts): Criterion {
  const findings = [declared(f), updates(f), cadence(f), statusPage(f)].filter(
    (x): x is Finding => x !== null,
  );
  const passed = findings.filter((x) => x.ok).length;
  const hurt = f.pm.impact.startedAt !== null || f.marked('detection') !== null;
  const said = f.marked('declaration') !== null || f.updates.length > 0;
  const rating: Rating =
    !hurt && !said
      ? 'notShown'
      : passed === findings.length
        ? 'strong'
        : (hurt && !f.marked('declaration')) || passed <= 1
          ? 'weak'
          : 'mixed';
  return criterion('communication', rating, findings);
}
