/** English messages of the runbooks (merged into messages.en.ts). */
export const runbooksEn = {
  'runbooks.heading': 'Runbooks',
  'runbooks.list': 'Runbooks and notes',
  'runbooks.search': 'Search runbooks',
  'runbooks.search.placeholder': 'pool, max_connections, dig…',
  'runbooks.count.all': 'Documents: {count}',
  'runbooks.count.matches': 'Matches for “{query}”: {count}',
  'runbooks.count.none': 'No runbook mentions “{query}”.',
  'runbooks.loading': 'Loading runbooks…',
  'runbooks.failed': 'The runbooks could not be loaded.',
  'runbooks.choose': 'Choose a runbook, or search for an alert name, a metric or a command.',
  'runbooks.missing': 'There is no runbook at this address.',
  'runbooks.back': '← Back',
  'runbooks.copy': 'Copy',
  'runbooks.copy.label': 'Copy these commands',
  'runbooks.copied': 'Copied',
  'runbooks.selected': 'Selected: press Ctrl+C',
} as const;
