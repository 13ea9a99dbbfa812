/**
 * The blameless check: flags wording in what the player writes that puts a person, not the
 * system, at the centre ("Alice should have checked", "human error", "he forgot to"), with a
 * reason that suggests a system-focused rewording. It is advice shown next to the editor, never
 * a gate on export.
 *
 * Kept to few false positives on purpose: hindsight and failure are flagged only when their
 * subject is a person (a pronoun, a role, an @handle or a name). "The alert should have fired",
 * "PgBouncer failed to accept connections" and requirements such as "we should have a runbook"
 * (`should have` + a noun) are about the system and pass.
 */
import { t } from '../i18n/index.ts';
import type { PlainMessageKey } from '../i18n/index.ts';

export interface BlameFlag {
  /** UTF-16 offsets into the text: `text.slice(start, end) === phrase`. */
  readonly start: number;
  readonly end: number;
  readonly phrase: string;
  /** Why it reads as blame, and a system-focused way to say it (in the current locale). */
  readonly reason: string;
}

type ReasonKey = Extract<PlainMessageKey, `document.blame.${string}`>;

interface Pattern {
  readonly re: RegExp;
  readonly reason: ReasonKey;
  /** A second look at a match, for what a regular expression cannot say (names, determiners). */
  readonly keep?: (match: RegExpExecArray, text: string) => boolean;
}

/** People as the subject of a sentence: pronouns, roles, @handles. */
const PERSON = String.raw`(?:he|she|they|you|i|we|someone|somebody|whoever|the\s+(?:on-?call(?:\s+engineer)?|engineer|operator|developer|dev|responder|sre|dba|admin|administrator|author|reviewer|intern|player|person|human|team|(?:incident\s+)?commander)|@[\w-]+)`;
/** Where a subject may start: `\b` would not match before an @handle. */
const START = String.raw`(?<![\w@])`;
/** A capitalised word that may be a name; `keep` rules out system words and determiners. */
const NAME = String.raw`[A-Z][a-z]+`;
const ADVERB = String.raw`(?:(?:really|clearly|just|obviously|simply|definitely)\s+)?`;
const SHOULD_HAVE = String.raw`(?:should(?:\s+not|n['’]t)?\s+have|should(?:n['’]t)?['’]ve|ought\s+to\s+have)`;

/** Sentence-initial capitals that name parts of a system, not people. */
const SYSTEM_WORDS = new Set(
  (
    'it this that there these those nothing everything anything alerting monitoring paging ' +
    'deploy deploys deployment release rollout migration config configuration traffic retries ' +
    'caching cache dashboard dashboards logging automation pipeline review testing tests staging ' +
    'production checkout kubernetes postgres postgresql redis nginx grafana prometheus pgbouncer ' +
    'the a an our their its his her my your no every each one'
  ).split(' '),
);
const DETERMINER_BEFORE = /\b(?:the|a|an|this|that|our|its|their|every|no|each)\s+$/i;
/** After `should have`, these make it a requirement ("should have a timeout"), not hindsight. */
const NOUN_AFTER =
  /^\s+(?:a|an|the|some|any|more|less|fewer|no|one|two|three|enough|its|their|our|this|that|these|those|every|each|better|proper|clear|clearer|alerts?|alerting|tests?|monitoring|access|limits?|timeouts?)\b/i;

const isName = (m: RegExpExecArray, text: string): boolean =>
  !SYSTEM_WORDS.has(m[1]!.toLowerCase()) && !DETERMINER_BEFORE.test(text.slice(0, m.index));
const notRequirement = (m: RegExpExecArray, text: string): boolean =>
  !NOUN_AFTER.test(text.slice(m.index + m[0].length));

const PATTERNS: readonly Pattern[] = [
  {
    re: new RegExp(String.raw`${START}${PERSON}\s+${ADVERB}${SHOULD_HAVE}(?![\w'’])`, 'giu'),
    reason: 'document.blame.hindsight',
    keep: notRequirement,
  },
  {
    // "Alice should have checked"; "Alice should have been paged" is about the paging, not Alice.
    re: new RegExp(String.raw`\b(${NAME})\s+${ADVERB}${SHOULD_HAVE}(?![\w'’])(?!\s+been\b)`, 'gu'),
    reason: 'document.blame.hindsight',
    keep: (m, text) => isName(m, text) && notRequirement(m, text),
  },
  // Not "user error": in this trade it also means 4xx responses.
  {
    re: /\b(?:human|operator|pilot|engineer)\s+errors?\b/giu,
    reason: 'document.blame.humanError',
  },
  { re: /\bfat[- ]?finger(?:ed|ing|s)?\b/giu, reason: 'document.blame.humanError' },
  {
    re: /\b(?:careless(?:ly|ness)?|negligen(?:t|tly|ce)|incompeten(?:t|ce)|sloppy|lazy(?![- ]?load)|stupid|dumb|reckless(?:ly)?)\b/giu,
    reason: 'document.blame.character',
  },
  {
    // Not "no blame", "blameless", "blame-free" or `git blame`.
    re: /\b(?:(?:his|her|their|your|my|our)\s+fault|fault\s+of|(?<!\b(?:no|git)\s)blam(?:e|ed|es|ing)(?!-?free|less))\b/giu,
    reason: 'document.blame.fault',
  },
  {
    re: /\b(?:mistakes?\s+(?:by|of)|(?:his|her|their|your)\s+mistakes?|made\s+(?:a|the|an)\s+(?:\w+\s+)?mistake)\b/giu,
    reason: 'document.blame.fault',
  },
  {
    re: new RegExp(String.raw`${START}${PERSON}\s+${ADVERB}failed\s+to\b`, 'giu'),
    reason: 'document.blame.failedTo',
  },
  {
    re: new RegExp(String.raw`\b(${NAME})\s+${ADVERB}failed\s+to\b`, 'gu'),
    reason: 'document.blame.failedTo',
    keep: isName,
  },
  {
    re: /\b(?:forgot|forgotten|forgetting)\b|\b(?:did\s*n['’]?o?t|never)\s+bother(?:ed)?\b|\bcould\s*n['’]?o?t\s+be\s+bothered\b/giu,
    reason: 'document.blame.forgot',
  },
  {
    re: new RegExp(String.raw`${START}${PERSON}\s+broke\b`, 'giu'),
    reason: 'document.blame.broke',
  },
  {
    re: new RegExp(String.raw`\b(${NAME})\s+broke\b`, 'gu'),
    reason: 'document.blame.broke',
    keep: isName,
  },
  // Chinese: "human error", "operation error", "should have ... earlier", careless, negligence,
  // blaming (怪, but not 奇怪 "strange", 难怪 or 怪不得 "no wonder", 古怪, 怪物), dereliction, passing the buck.
  { re: /人为(?:失误|错误|因素)|操作失误/gu, reason: 'document.blame.humanError' },
  { re: /(?:本)?应该早点|早就应该|本应该/gu, reason: 'document.blame.hindsight' },
  { re: /粗心(?:大意)?|疏忽(?:大意)?|马虎/gu, reason: 'document.blame.character' },
  {
    re: /(?<![奇难古作妖鬼见])怪(?![异物兽癖不])|失职|甩锅/gu,
    reason: 'document.blame.fault',
  },
  { re: /忘记了?|忘了/gu, reason: 'document.blame.forgot' },
];

/** The blame-style phrases in `text`, in order, without overlaps (the earliest, longest wins). */
export function findBlame(text: string): BlameFlag[] {
  const found: { start: number; end: number; reason: ReasonKey }[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m !== null; m = p.re.exec(text)) {
      if (m[0] === '') {
        p.re.lastIndex++;
        continue;
      }
      if (p.keep && !p.keep(m, text)) continue;
      found.push({ start: m.index, end: m.index + m[0].length, reason: p.reason });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const flags: BlameFlag[] = [];
  let reached = -1;
  for (const f of found) {
    if (f.start < reached) continue;
    flags.push({ ...f, phrase: text.slice(f.start, f.end), reason: t(f.reason) });
    reached = f.end;
  }
  return flags;
}
