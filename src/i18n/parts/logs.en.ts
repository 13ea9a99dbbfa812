/** English messages of the logs (merged into messages.en.ts). */
export const logsEn = {
  'logs.filter.pod': 'Pod',
  'logs.filter.allPods': 'All pods',
  'logs.detail.title': 'Log line',
  'logs.detail.time': 'Time (UTC)',
  'logs.detail.service': 'Service',
  'logs.detail.pod': 'Pod',
  'logs.detail.level': 'Level',
  'logs.detail.json': 'JSON, pretty-printed',
  'logs.detail.copy': 'Copy line',
  'logs.detail.copied': 'Copied',
  'logs.detail.copyFailed': 'Copy failed: select the text instead',
  'logs.detail.close': 'Close',
  'logs.list.hint': '↑ ↓ move through lines, Enter opens one, Esc closes it',
  // The resume button while the tail is paused: by the number of lines that arrived since.
  'logs.tail.resume.none': 'Resume tail',
  'logs.tail.resume.one': '{count} new line — resume tail',
  'logs.tail.resume.other': '{count} new lines — resume tail',
  // A quick filter whose label matcher the typed query sets in a way a single pick cannot show.
  'logs.filter.fromQuery': 'Set by query',
  'logs.filter.fromQueryHint': 'The query sets this label: {matcher}',
  'logs.filter.levelOnly': '{level} only',
} as const;
