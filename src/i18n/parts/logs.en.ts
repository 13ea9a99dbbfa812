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
} as const;
