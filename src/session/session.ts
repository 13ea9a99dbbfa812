/**
 * An incident being played: the scenario run (story over simulation), the console, the people
 * who answer pages, and the incident's own record (severity, roles, updates, hypotheses). Every
 * input — a console line or an action from a panel — is stamped with the sim time, applied at the
 * next step, put on the timeline with its output, and shown to the story as a `player.*` event.
 * The inputs list is the run record: replaying it on the same seed gives the same run.
 */
import { complete } from '../actions/console/complete.ts';
import type { Completion } from '../actions/console/complete.ts';
import {
  execute,
  initialConsoleState,
  interrupt,
  promptFor,
} from '../actions/console/interpreter.ts';
import type { ConsoleState, Execution } from '../actions/console/interpreter.ts';
import type { ConsoleView } from '../actions/console/types.ts';
import { isLever, parseAction, toSimAction } from '../actions/vocabulary.ts';
import type { PlayerAction, PlayerEvent } from '../actions/vocabulary.ts';
import { ScenarioRun } from '../scenario/runner.ts';
import type { ActionSource, Evidence, PlayerRecord } from '../scenario/runner.ts';
import type { ScenarioFile } from '../scenario/schema.ts';
import { FACILITATOR_EVENTS } from '../scenario/vocabulary.ts';
import type { InjectEvent, PageTarget } from '../scenario/vocabulary.ts';
import { applyInject, DISTRACTION_CLEARS_AFTER_MS } from './injects.ts';
import { Pager } from './pager.ts';
import type { PagerView } from './pager.ts';
import { UpdateCadence } from './cadence.ts';
import { REPLY_DELAY_MS, replyFrom } from './responders.ts';

/** One thing the player did, as the run record keeps it. */
export type SessionInput =
  | { at: number; kind: 'line'; line: string }
  | { at: number; kind: 'interrupt' }
  | { at: number; kind: 'action'; action: PlayerAction; source: ActionSource };

export type IncidentRecord = {
  severity: string | null;
  title: string | null;
  declaredAt: number | null;
  roles: Record<string, string>;
  updates: { t: number; audience: string; status: string; text: string }[];
  hypotheses: { t: number; text: string }[];
  acknowledged: { t: number; alert: string }[];
  milestones: { t: number; name: string }[];
  /** Clarifying questions asked before the page (interview mode), by id. */
  questions: { t: number; question: string }[];
  /** The player thinking aloud (interview notes). */
  notes: { t: number; text: string }[];
  /** Decisions the team or the class made, with the role credited. */
  decisions: { t: number; text: string; role: string | null }[];
  /** The facilitator's notes, for the postmortem. */
  facilitatorNotes: { t: number; text: string }[];
  /** Events the facilitator injected, and clues revealed. */
  injects: { t: number; event: InjectEvent }[];
  clues: { t: number; level: number }[];
};

/** Console output longer than this is kept on the timeline truncated, with a marker. */
const EVIDENCE_LIMIT = 16_000;

export type ActResult = { ok: true } | { ok: false; errors: string[] };

export class IncidentSession {
  readonly run: ScenarioRun;
  readonly inputs: SessionInput[] = [];
  readonly incident: IncidentRecord = {
    severity: null,
    title: null,
    declaredAt: null,
    roles: {},
    updates: [],
    hypotheses: [],
    acknowledged: [],
    milestones: [],
    questions: [],
    notes: [],
    decisions: [],
    facilitatorNotes: [],
    injects: [],
    clues: [],
  };
  private consoleState: ConsoleState = initialConsoleState();
  private pages: { at: number; target: PageTarget }[] = [];
  /** Injected alerts and when they clear. */
  private clearing: { at: number; alert: string }[] = [];
  private readonly cadence = new UpdateCadence();
  private readonly pagerModel = new Pager();

  constructor(
    readonly scenario: ScenarioFile,
    seed: number = scenario.seed,
  ) {
    this.run = new ScenarioRun(scenario, seed);
  }

  get t(): number {
    return this.run.sim.t;
  }

  get ended(): boolean {
    return this.run.ended !== null;
  }

  /** The system as the console reads it now. */
  get view(): ConsoleView {
    return { state: this.run.sim.state, recorder: this.run.sim.recorder };
  }

  /** The alerts paging the player: read only, the pager actions change it. */
  get pager(): PagerView {
    return this.pagerModel;
  }

  get prompt(): string {
    return promptFor(this.consoleState.mode);
  }

  get history(): readonly string[] {
    return this.consoleState.history;
  }

  /** Runs a console line now; its levers and inspections become actions from the console. */
  exec(line: string): Execution {
    this.inputs.push({ at: this.t, kind: 'line', line });
    const e = execute(this.consoleState, line, this.view);
    this.consoleState = e.state;
    if (line.trim() === '') return e;
    const via: Evidence = { line, output: clip(e.out), exit: e.exit };
    if (e.actions.length === 0) this.run.command(via);
    for (const action of e.actions) this.dispatch(action, 'console', via);
    return e;
  }

  /** Ctrl-C at the console. */
  interrupt(): void {
    this.inputs.push({ at: this.t, kind: 'interrupt' });
    this.consoleState = interrupt(this.consoleState);
  }

  complete(line: string): Completion {
    return complete(line, this.consoleState.mode, this.view);
  }

  /** An action from a panel, the channel or a facilitator; validated first, since it is data. */
  perform(data: unknown, source: Exclude<ActionSource, 'console'>): ActResult {
    const parsed = parseAction(data);
    if (!parsed.ok) return parsed;
    if (source !== 'facilitator' && FACILITATOR_ONLY.has(parsed.action.type))
      return { ok: false, errors: [`${parsed.action.type}: only a facilitator can do this`] };
    // Pager actions also need a page to act on (an alert that is firing, not yet resolved).
    const refused = this.pagerModel.refuse(parsed.action);
    if (refused.length > 0) return { ok: false, errors: refused };
    this.inputs.push({ at: this.t, kind: 'action', action: parsed.action, source });
    this.dispatch(parsed.action, source);
    return { ok: true };
  }

  /** One simulated second: the story and the system advance, the pager rings, people answer pages. */
  step(): void {
    this.run.step();
    this.pagerModel.observe(this.t, this.run.sim.state.alerts, this.run.timeline);
    if (!this.ended) {
      const firstPage = this.pagerModel.alerts().find((p) => p.severity === 'page');
      const nudge = this.cadence.check({
        t: this.t,
        declaredAt: this.incident.declaredAt,
        updates: this.incident.updates.map((u) => u.t),
        firstPageAt: firstPage?.firedAt ?? null,
      });
      if (nudge) this.run.reply(nudge);
    }
    const cleared = this.clearing.filter((c) => c.at <= this.t);
    if (cleared.length > 0) {
      this.clearing = this.clearing.filter((c) => c.at > this.t);
      for (const c of cleared) this.run.resolveAlert(c.alert);
    }
    const due = this.pages.filter((p) => p.at <= this.t);
    if (due.length === 0) return;
    this.pages = this.pages.filter((p) => p.at > this.t);
    for (const page of due) {
      this.run.reply(
        replyFrom(page.target, {
          state: this.run.sim.state,
          recorder: this.run.sim.recorder,
          statusPagePosted: this.incident.updates.some((u) => u.audience === 'statusPage'),
        }),
      );
    }
  }

  /**
   * Plays a run record again on a fresh session: same scenario, seed and inputs give the same
   * run, step for step, until `until` (default: the last input).
   */
  static replay(
    scenario: ScenarioFile,
    seed: number,
    inputs: readonly SessionInput[],
    until?: number,
  ): IncidentSession {
    const session = new IncidentSession(scenario, seed);
    for (const input of inputs) session.apply(input);
    if (until !== undefined) session.advanceTo(until);
    return session;
  }

  /** Plays one recorded input at its time (a replay, or a window following another's run). */
  apply(input: SessionInput): void {
    this.advanceTo(input.at);
    if (input.kind === 'line') this.exec(input.line);
    else if (input.kind === 'interrupt') this.interrupt();
    else this.perform(input.action, input.source === 'console' ? 'panel' : input.source);
  }

  /** Steps until `t` or the end of the story. */
  advanceTo(t: number): void {
    while (this.t < t && !this.ended) this.step();
  }

  private dispatch(action: PlayerAction, source: ActionSource, via?: Evidence): void {
    const origin = via ? { source, via } : { source };
    if (isLever(action)) {
      this.run.act(toSimAction(action), origin);
      return;
    }
    this.track(action);
    this.run.notice(action as unknown as PlayerRecord, origin);
    // What a facilitator's action sets off comes after it on the timeline.
    if (action.type === 'inject') this.inject(action.event);
    else if (action.type === 'revealClue') this.revealClue(action.level);
  }

  private revealClue(level: number): void {
    const clue = this.scenario.answerKey.hints.find((h) => h.level === level);
    if (clue) this.run.clue(clue.level, clue.text);
  }

  /** An event from the inject library: what people say, an alert, roles that fall free. */
  private inject(event: InjectEvent): void {
    const effect = applyInject(event, {
      recorder: this.run.sim.recorder,
      roles: this.incident.roles,
    });
    if (effect.reply) this.run.reply(effect.reply);
    for (const role of effect.freedRoles ?? []) delete this.incident.roles[role];
    if (effect.alert) {
      this.run.fireAlert(effect.alert);
      this.clearing.push({ at: this.t + DISTRACTION_CLEARS_AFTER_MS, alert: effect.alert.name });
    }
  }

  /** Keeps the incident's own record: what the channel, status page and postmortem show. */
  private track(action: PlayerEvent): void {
    const t = this.t;
    const inc = this.incident;
    switch (action.type) {
      case 'declareIncident':
        inc.severity = action.severity;
        inc.title = action.title;
        inc.declaredAt ??= t;
        return;
      case 'assignRole':
        inc.roles[action.role] = action.person;
        return;
      case 'postUpdate':
        inc.updates.push({
          t,
          audience: action.audience,
          status: action.status,
          text: action.text,
        });
        return;
      case 'hypothesis':
        inc.hypotheses.push({ t, text: action.text });
        return;
      case 'acknowledgeAlert':
        inc.acknowledged.push({ t, alert: action.alert });
        this.pagerModel.acknowledge(t, action.alert);
        return;
      case 'escalateAlert':
        // The team is paged as by `page`, and answers after its delay.
        if (this.pagerModel.escalate(t, action.alert, action.target))
          this.pages.push({ at: t + REPLY_DELAY_MS[action.target], target: action.target });
        return;
      case 'resolveAlert':
        this.pagerModel.resolve(t, action.alert);
        return;
      case 'markMilestone':
        inc.milestones.push({ t, name: action.name });
        return;
      case 'page':
        this.pages.push({ at: t + REPLY_DELAY_MS[action.target], target: action.target });
        return;
      case 'clarify':
        inc.questions.push({ t, question: action.question });
        return;
      case 'note':
        inc.notes.push({ t, text: action.text });
        return;
      case 'decision':
        inc.decisions.push({ t, text: action.text, role: action.role ?? null });
        return;
      case 'facilitatorNote':
        inc.facilitatorNotes.push({ t, text: action.text });
        return;
      case 'inject':
        inc.injects.push({ t, event: action.event });
        return;
      case 'revealClue':
        inc.clues.push({ t, level: action.level });
        return;
      default:
        return;
    }
  }
}

const FACILITATOR_ONLY: ReadonlySet<string> = new Set(FACILITATOR_EVENTS);

function clip(text: string): string {
  if (text.length <= EVIDENCE_LIMIT) return text;
  const dropped = text.slice(EVIDENCE_LIMIT).split('\n').length;
  return `${text.slice(0, EVIDENCE_LIMIT)}\n[… ${dropped} more lines]`;
}
