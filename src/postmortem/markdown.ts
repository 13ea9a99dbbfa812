/**
 * The postmortem as a Markdown document that renders well on GitHub: one `#` title, then one
 * `##` section per `SectionId`, in order. The sections are returned separately so the debrief
 * screen can let the player edit each before export. Everything taken from the model (scenario
 * and player text) is escaped with `markdown-text.ts`; the document's own words come from the
 * catalogue (`document.*`). Deterministic: the same model gives the same bytes.
 */
import { t } from '../i18n/index.ts';
import type { PlainMessageKey } from '../i18n/index.ts';
import { civilFromEpochMs, formatClock } from '../sim/index.ts';
import type { MetricUnit } from '../sim/index.ts';
import type {
  EvidenceIds,
  Lesson,
  MiniChart,
  Postmortem,
  PostmortemSection,
  SectionId,
  TimelineEvidence,
  TimelineItem,
} from './model.ts';
import {
  bold,
  bullets,
  cellCode,
  escapeText,
  fencedBlock,
  inlineCode,
  table,
} from './markdown-text.ts';
import { formatCount, formatDuration, formatMetric, formatPercent } from './format.ts';
import { sparkline } from './sparkline.ts';
import { personName, word } from './describe.ts';

export const SECTION_IDS: readonly SectionId[] = [
  'summary',
  'impact',
  'detection',
  'timeline',
  'causes',
  'lessons',
  'actionItems',
  'facilitation',
  'scores',
  'supporting',
];

/** Longest command line shown in a timeline cell; the full line is in the output subsection. */
const CELL_COMMAND_CHARS = 80;
/** Evidence references after a statement: a handful of times is enough to find the rows. */
const MAX_SEE_TIMES = 6;

/** The sections of the document, in order, each as GitHub-flavoured Markdown. */
export function postmortemSections(pm: Postmortem): PostmortemSection[] {
  const doc = new DocumentWriter(pm);
  // The facilitation section is there only when someone facilitated (or the player took notes).
  const ids = SECTION_IDS.filter((id) => id !== 'facilitation' || pm.facilitation !== undefined);
  return ids.map((id) => ({
    id,
    title: t(`document.section.${id}`),
    markdown: doc.section(id),
  }));
}

/** The whole document: `# title`, then `## section` and its body for each section. */
export function postmortemMarkdown(
  pm: Postmortem,
  sections: readonly PostmortemSection[] = postmortemSections(pm),
): string {
  const parts = [`# ${escapeText(pm.title)}`];
  for (const s of sections) {
    parts.push(`## ${escapeText(s.title)}`);
    // A section's body is Markdown (the player may have edited it): kept as written, trimmed.
    const body = s.markdown.replace(/\r\n?/g, '\n').trim();
    if (body !== '') parts.push(body);
  }
  return `${parts.join('\n\n')}\n`;
}

/** `postmortem-INC-20261126-4242.md`: safe on every file system. */
export function postmortemFilename(pm: Postmortem): string {
  return `postmortem-${pm.incidentId.replace(/[^A-Za-z0-9._-]+/g, '-')}.md`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Writes each section; knows the run's clock and the timeline items behind evidence ids. */
class DocumentWriter {
  private readonly itemsById: ReadonlyMap<number, TimelineItem>;
  private readonly startDay: number;
  /** Numbers the command outputs in timeline order: the table refers to them as E1, E2... */
  private readonly outputRefs = new Map<TimelineEvidence, string>();

  constructor(private readonly pm: Postmortem) {
    this.itemsById = new Map(pm.timeline.map((item) => [item.id, item]));
    this.startDay = Math.floor(pm.startEpochMs / 86_400_000);
    for (const item of pm.timeline)
      for (const e of item.evidence)
        if (e.kind === 'command') this.outputRefs.set(e, `E${this.outputRefs.size + 1}`);
  }

  section(id: SectionId): string {
    switch (id) {
      case 'summary':
        return this.summary();
      case 'impact':
        return this.impact();
      case 'detection':
        return this.detection();
      case 'timeline':
        return this.timeline();
      case 'causes':
        return this.causes();
      case 'lessons':
        return this.lessons();
      case 'actionItems':
        return this.actionItems();
      case 'facilitation':
        return this.facilitation();
      case 'scores':
        return this.scores();
      case 'supporting':
        return this.supporting();
    }
  }

  /** `HH:MM:SS` UTC of a simulated time, with the day offset when the run crossed midnight. */
  private clock(simMs: number): string {
    const epoch = this.pm.startEpochMs + simMs;
    const days = Math.floor(epoch / 86_400_000) - this.startDay;
    const time = formatClock(epoch);
    return days === 0 ? time : t('document.nextDay', { time, days });
  }

  private date(): string {
    const c = civilFromEpochMs(this.pm.startEpochMs);
    return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
  }

  /** ` (timeline: 14:07:12, 14:09:30)` after a statement, or nothing without evidence. */
  private see(ids: EvidenceIds): string {
    const times = [...new Set(ids)]
      .map((id) => this.itemsById.get(id)?.t)
      .filter((time): time is number => time !== undefined)
      .sort((a, b) => a - b)
      .map((time) => this.clock(time));
    const unique = [...new Set(times)];
    if (unique.length === 0) return '';
    const shown = unique.length > MAX_SEE_TIMES ? [...unique.slice(0, MAX_SEE_TIMES), '…'] : unique;
    return ` ${t('document.seeTimeline', { times: shown.join(', ') })}`;
  }

  private summary(): string {
    const pm = this.pm;
    const field = (key: PlainMessageKey, value: string): string => `${bold(t(key))} ${value}`;
    const scenario = t('document.scenarioValue', {
      title: escapeText(pm.scenario.title),
      difficulty: escapeText(pm.scenario.difficulty),
      seed: pm.scenario.seed,
      mode: escapeText(pm.mode),
    });
    const facts = bullets([
      field('document.field.incident', escapeText(pm.incidentId)),
      field('document.field.date', t('document.dateValue', { date: this.date() })),
      field(
        'document.field.window',
        t('document.windowValue', { from: this.clock(0), to: this.clock(pm.endedAt) }),
      ),
      field(
        'document.field.severity',
        pm.severity === null ? t('document.severityNone') : escapeText(pm.severity),
      ),
      field('document.field.status', escapeText(pm.status)),
      field('document.field.scenario', scenario),
      field('document.field.authors', t('document.authors')),
    ]);
    return [facts, escapeText(pm.summary), `_${t('document.blameless')}_`].join('\n\n');
  }

  private impact(): string {
    const im = this.pm.impact;
    const at = (value: string, time: number): string =>
      t('document.atTime', { value, time: this.clock(time) });
    const rows: string[][] = [
      [
        t('document.impact.began'),
        im.startedAt === null ? t('document.impact.never') : this.clock(im.startedAt),
      ],
      [
        t('document.impact.ended'),
        im.endedAt === null
          ? im.startedAt === null
            ? t('document.none')
            : t('document.impact.notEnded')
          : this.clock(im.endedAt),
      ],
      [t('document.impact.duration'), formatDuration(im.durationMs)],
      [t('document.impact.requests'), formatCount(im.requests)],
      [t('document.impact.failed'), formatCount(im.failed)],
      [t('document.impact.slow'), formatCount(im.slow)],
      [t('document.impact.affected'), formatPercent(im.affectedShare)],
      [
        t('document.impact.peakLatency', { metric: cellCode(im.peakLatency.metric) ?? '' }),
        at(`${formatCount(im.peakLatency.ms)} ms`, im.peakLatency.t),
      ],
      [
        t('document.impact.peakErrors'),
        at(formatPercent(im.peakErrorRatio.ratio), im.peakErrorRatio.t),
      ],
    ];
    const parts = [table([t('document.impact.measure'), t('document.impact.value')], rows)];
    const see = this.see(im.evidence).trim();
    if (see !== '') parts.push(see);
    if (im.budgets.length > 0) {
      parts.push(`### ${t('document.impact.budgets')}`);
      parts.push(
        table(
          [
            t('document.impact.slo'),
            t('document.impact.objective'),
            t('document.impact.badRequests'),
            t('document.impact.consumed'),
            t('document.impact.remaining'),
          ],
          im.budgets.map((b) => [
            t(`document.slo.${b.slo}`),
            formatObjective(b.target),
            formatCount(b.badRequests),
            formatPercent(b.consumed),
            formatPercent(b.remaining),
          ]),
        ),
      );
      parts.push(t('document.impact.budgetNote'));
    }
    return parts.join('\n\n');
  }

  private detection(): string {
    const pm = this.pm;
    const paragraph = (
      key: PlainMessageKey,
      part: { text: string; evidence: EvidenceIds },
    ): string => `${bold(t(key))} ${escapeText(part.text)}${this.see(part.evidence)}`;
    return [
      paragraph('document.detection.detection', pm.detection),
      paragraph('document.detection.response', pm.response),
      paragraph('document.detection.recovery', pm.recovery),
    ].join('\n\n');
  }

  private timeline(): string {
    const items = [...this.pm.timeline].sort((a, b) => a.t - b.t || a.id - b.id);
    if (items.length === 0) return t('document.timeline.empty');
    const rows = items.map((item) => [
      this.clock(item.t),
      this.event(item),
      item.evidence.map((e) => this.evidenceCell(e)).join('; '),
    ]);
    const parts = [
      table(
        [
          t('document.timeline.time'),
          t('document.timeline.event'),
          t('document.timeline.evidence'),
        ],
        rows,
      ),
    ];
    const outputs = this.outputs(items);
    if (outputs !== '') parts.push(`### ${t('document.timeline.outputs')}`, outputs);
    return parts.join('\n\n');
  }

  /** The event's text, led by its marks in bold (**Detection**), and a flag on a harmful lever. */
  private event(item: TimelineItem): string {
    const labels = item.marks.map((m) => bold(t(`document.mark.${m}`)));
    if (item.harmful) labels.push(bold(t('document.timeline.harmful')));
    const credit = item.credit
      ? [
          escapeText(
            t('postmortem.credit', {
              role: word('postmortem.role', item.credit.role),
              person: personName(item.credit.person),
            }),
          ),
        ]
      : [];
    return [...labels, escapeText(item.text), ...credit].join(' · ');
  }

  private evidenceCell(e: TimelineEvidence): string {
    switch (e.kind) {
      case 'alert':
        return `${cellCode(e.name) ?? escapeText(e.name)}: ${escapeText(e.summary)}`;
      case 'metric':
        return `${escapeText(e.label)}: ${escapeText(e.display)}`;
      case 'command': {
        const line =
          e.line.length > CELL_COMMAND_CHARS
            ? `${e.line.slice(0, CELL_COMMAND_CHARS - 1)}…`
            : e.line;
        const ref = t('document.timeline.output', { ref: this.outputRefs.get(e) ?? '' });
        const exit = e.exit === 0 ? '' : `, ${t('document.timeline.exit', { code: e.exit })}`;
        const code = cellCode(line);
        return code === null ? `${ref}${exit}` : `${code} (${ref}${exit})`;
      }
    }
  }

  /** Each command's full line and output as a fenced block, numbered as the table refers to it. */
  private outputs(items: readonly TimelineItem[]): string {
    const blocks: string[] = [];
    for (const item of items)
      for (const e of item.evidence) {
        if (e.kind !== 'command') continue;
        const head = [bold(this.outputRefs.get(e) ?? ''), this.clock(item.t)];
        if (e.exit !== 0) head.push(t('document.timeline.exit', { code: e.exit }));
        const output = e.output.trim() === '' ? t('document.timeline.noOutput') : e.output;
        blocks.push(`${head.join(' · ')}\n\n${fencedBlock(`$ ${e.line}\n${output}`, 'console')}`);
      }
    return blocks.join('\n\n');
  }

  private causes(): string {
    const c = this.pm.causes;
    const hypotheses = [...c.hypotheses].sort((a, b) => a.t - b.t);
    return [
      `${bold(t('document.causes.trigger'))} ${escapeText(c.trigger)}`,
      `${bold(t('document.causes.rootCause'))} ${escapeText(c.rootCause)}`,
      `### ${t('document.causes.factors')}`,
      c.contributingFactors.length === 0
        ? t('document.causes.noFactors')
        : bullets(c.contributingFactors.map(escapeText)),
      `### ${t('document.causes.hypotheses')}`,
      hypotheses.length === 0
        ? t('document.causes.noHypotheses')
        : bullets(
            hypotheses.map(
              (h) =>
                `${this.clock(h.t)} · “${escapeText(h.text)}” · ${t(h.matches ? 'document.causes.matches' : 'document.causes.misses')}${this.see(h.evidence)}`,
            ),
          ),
    ].join('\n\n');
  }

  private lessons(): string {
    const l = this.pm.lessons;
    const list = (lessons: readonly Lesson[]): string =>
      lessons.length === 0
        ? t('document.lessons.none')
        : bullets(lessons.map((x) => `${escapeText(x.text)}${this.see(x.evidence)}`));
    return [
      `### ${t('document.lessons.wentWell')}`,
      list(l.wentWell),
      `### ${t('document.lessons.wentBadly')}`,
      list(l.wentBadly),
      `### ${t('document.lessons.lucky')}`,
      list(l.lucky),
    ].join('\n\n');
  }

  private actionItems(): string {
    const items = this.pm.actionItems;
    if (items.length === 0) return t('document.actions.none');
    return table(
      [
        t('document.actions.item'),
        t('document.actions.type'),
        t('document.actions.owner'),
        t('document.actions.priority'),
        t('document.actions.source'),
      ],
      items.map((a) => [
        escapeText(a.text),
        t(`document.actionType.${a.type}`),
        escapeText(a.ownerRole),
        a.priority,
        t(`document.actionSource.${a.source}`),
      ]),
    );
  }

  /** Roles, the class's decisions, the facilitator's notes and injects, prompts discussed. */
  private facilitation(): string {
    const f = this.pm.facilitation;
    if (!f) return '';
    const at = (tMs: number | null): string => (tMs === null ? '' : `${this.clock(tMs)} · `);
    const list = (items: readonly { t: number | null; text: string }[]): string =>
      items.length === 0
        ? t('document.facilitation.none')
        : bullets(items.map((i) => `${at(i.t)}${escapeText(i.text)}`));
    const parts: string[] = [];
    parts.push(`### ${t('document.facilitation.roles')}`);
    parts.push(
      f.roles.length === 0
        ? t('document.facilitation.noRoles')
        : table(
            [t('document.facilitation.role'), t('document.facilitation.person')],
            f.roles.map((r) => [escapeText(r.role), escapeText(r.person)]),
          ),
    );
    parts.push(`### ${t('document.facilitation.decisions')}`);
    parts.push(
      list(
        f.decisions.map((d) => ({
          t: d.t,
          text: d.role === null ? d.text : `${d.text} (${d.role})`,
        })),
      ),
    );
    parts.push(`### ${t('document.facilitation.notes')}`, list(f.facilitatorNotes));
    if (f.playerNotes.length > 0)
      parts.push(`### ${t('document.facilitation.playerNotes')}`, list(f.playerNotes));
    if (f.injects.length > 0)
      parts.push(`### ${t('document.facilitation.injects')}`, list(f.injects));
    if (f.prompts.length > 0)
      parts.push(`### ${t('document.facilitation.prompts')}`, list(f.prompts));
    return parts.join('\n\n');
  }

  private scores(): string {
    const pm = this.pm;
    const parts: string[] = [];
    if (pm.scores.length === 0) parts.push(t('document.scores.none'));
    else {
      parts.push(
        table(
          [
            t('document.scores.score'),
            t('document.scores.you'),
            t('document.scores.reference'),
            t('document.scores.verdict'),
          ],
          pm.scores.map((s) => [
            escapeText(s.label),
            escapeText(s.display),
            s.referenceDisplay === null ? t('document.none') : escapeText(s.referenceDisplay),
            t(`document.verdict.${s.verdict}`),
          ]),
        ),
        `### ${t('document.scores.how')}`,
        bullets(
          pm.scores.map(
            (s) => `${bold(s.label)} ${escapeText(s.explanation)}${this.see(s.evidence)}`,
          ),
        ),
      );
    }
    const ref = pm.reference;
    if (ref) {
      const reached = (time: number | null): string =>
        time === null ? t('document.reference.notReached') : this.clock(time);
      parts.push(
        `### ${t('document.reference.heading')}`,
        t('document.reference.intro'),
        bullets([
          ...ref.steps.map((s) => `${this.clock(s.t)} · ${escapeText(s.text)}`),
          t('document.reference.mitigated', { time: reached(ref.mitigatedAt) }),
          t('document.reference.resolved', { time: reached(ref.resolvedAt) }),
          t('document.reference.budget', { share: formatPercent(ref.budgetConsumed) }),
        ]),
      );
    }
    return parts.join('\n\n');
  }

  private supporting(): string {
    const pm = this.pm;
    const record = t('document.supporting.recordValue', {
      id: inlineCode(pm.scenario.id),
      version: pm.scenario.version,
      seed: pm.scenario.seed,
      outcome: inlineCode(pm.outcome),
      end: this.clock(pm.endedAt),
    });
    const parts = [`${bold(t('document.supporting.record'))} ${record}`];
    if (pm.charts.length === 0) return parts.join('\n\n');
    parts.push(t('document.supporting.note'));
    // The incident's marks are usually the same on every chart: then they are listed once.
    const key = (c: MiniChart): string => c.marks.map((m) => `${m.mark}@${m.t}`).join(',');
    const shared = pm.charts.every((c) => key(c) === key(pm.charts[0]!));
    if (shared && pm.charts[0]!.marks.length > 0) parts.push(this.marks(pm.charts[0]!.marks, true));
    parts.push(bullets(pm.charts.map((c) => this.chart(c, !shared))));
    return parts.join('\n\n');
  }

  private marks(marks: MiniChart['marks'], shared = false): string {
    const list = [...marks]
      .sort((a, b) => a.t - b.t)
      .map((m) => `${escapeText(m.label)} ${this.clock(m.t)}`)
      .join(', ');
    return t(shared ? 'document.chart.sharedMarks' : 'document.chart.marks', { marks: list });
  }

  /** A chart as one line: its label, a text sketch, the peak, the threshold (and the marks). */
  private chart(c: MiniChart, withMarks: boolean): string {
    const head = `${bold(c.label)} `;
    if (c.values.length === 0) return `${head}${t('document.chart.noData')}`;
    const value = (v: number): string => escapeText(formatMetric(c.unit as MetricUnit, v));
    let peak = 0;
    for (let i = 1; i < c.values.length; i++) if (c.values[i]! > c.values[peak]!) peak = i;
    const flat = c.values.every((v) => v === c.values[0]);
    const facts = [
      inlineCode(sparkline(c.values)),
      flat
        ? t('document.chart.flat', { value: value(c.values[0]!) })
        : t('document.chart.peak', {
            value: value(c.values[peak]!),
            time: this.clock(c.times[peak] ?? 0),
          }),
    ];
    if (c.threshold) {
      const shown = value(c.threshold.value);
      const label = escapeText(c.threshold.label);
      // Labels often state the value already ("SLO threshold 1,000 ms"): then once is enough.
      facts.push(
        label.includes(shown)
          ? t('document.chart.thresholdLabel', { label })
          : t('document.chart.threshold', { value: shown, label }),
      );
    }
    if (withMarks && c.marks.length > 0) facts.push(this.marks(c.marks));
    return `${head}${facts.join(' · ')}`;
  }
}

function formatObjective(target: number): string {
  // Objectives keep their digits: 99.95% must not round to 100%.
  return `${(target * 100).toFixed(3).replace(/\.?0+$/, '')}%`;
}
