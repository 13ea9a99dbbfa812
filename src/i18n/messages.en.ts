/**
 * The English message catalogue: the source of truth for every string the interface shows.
 *
 * Keys are dotted paths grouped by screen. Placeholders are written `{name}` and are filled in by
 * `t(key, { name: value })`. Add a key here first; the compiler then insists that every other
 * catalogue lists it too.
 */
export const en = {
  'app.title': 'On-Call Drill',
  'app.documentTitle': 'On-Call Drill — practise production incidents',

  'title.eyebrow': 'Incident response training',
  'title.tagline': 'Practise production incidents before they page you',
  'title.status': 'On call',

  'title.live.label': 'Live simulation',
  'title.live.caption': 'A live view of the simulated production system: {route} p99 latency',
  'title.live.firing': 'Firing',
  'title.live.ok': 'Healthy',
  'title.live.starting': 'Starting',
  'title.live.summary': 'p99 {p99} ms · pages above {threshold} ms (log scale)',
  'title.live.clock': '{clock} UTC',

  'title.modes.legend': 'Choose a mode',
  'title.mode.practice.name': 'Practice',
  'title.mode.practice.meta': 'Solo · self-paced',
  'title.mode.practice.description':
    'Work through incidents at your own pace, with hints when you get stuck.',
  'title.mode.interview.name': 'Interview drill',
  'title.mode.interview.meta': 'Solo · timed',
  'title.mode.interview.description':
    'A timed incident with no hints, debriefed the way an interviewer would.',
  'title.mode.classroom.name': 'Classroom',
  'title.mode.classroom.meta': 'Group · instructor-led',
  'title.mode.classroom.description':
    'An instructor runs the same incident for a whole room at once.',

  'title.start': 'Start',
  'title.start.unavailable': 'The incident screen arrives in the next release',

  'title.language.label': 'Language',
  'title.language.en': 'English',
  'title.language.zh-CN': '简体中文',

  'title.footer.build': 'Foundation build · v{version}',
  'title.footer.privacy': 'Runs entirely in your browser.',
} as const;

/** Every message key the interface may ask for. */
export type MessageKey = keyof typeof en;

/**
 * The shape every other catalogue must have: all keys present (a missing or unknown key is a
 * compile error). A value of `undefined` marks a string that is not translated yet; `t()` then
 * shows the English text.
 */
export type Translations = { readonly [K in MessageKey]: string | undefined };
