/**
 * Which words the paused tail's resume button uses for `count` new lines: plural rules from
 * Intl (English says "1 new line", "2 new lines"; Chinese has one form), and no count at all when
 * nothing new has arrived, so the button never says "0 new lines".
 */
export type ResumeKey = 'logs.tail.resume.none' | 'logs.tail.resume.one' | 'logs.tail.resume.other';

export function resumeKey(count: number, locale: string): ResumeKey {
  if (count <= 0) return 'logs.tail.resume.none';
  return new Intl.PluralRules(locale).select(count) === 'one'
    ? 'logs.tail.resume.one'
    : 'logs.tail.resume.other';
}
