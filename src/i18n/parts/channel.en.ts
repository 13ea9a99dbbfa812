/** English messages of the channel (merged into messages.en.ts). */
export const channelEn = {
  'channel.tab.assignRole': 'Roles',
  'channel.tab.statusPage': 'Status page',

  'channel.roles.role': 'Role',
  'channel.roles.person': 'Who',
  'channel.roles.assign': 'Assign role',
  'channel.roles.role.commander': 'Incident commander',
  'channel.roles.role.operations': 'Operations lead',
  'channel.roles.role.communications': 'Communications lead',
  'channel.roles.role.scribe': 'Scribe',
  'channel.roles.me': 'Me',
  'channel.roles.help':
    'The commander coordinates and decides; operations works on the system; communications keeps customers and the company informed; the scribe keeps the timeline.',
  'channel.roles.current': 'Assigned so far',
  'channel.roles.none': 'No roles handed out yet: until you do, they are all yours.',
  'channel.roles.entry': '{role}: {person}',
  /** For the feed: the player's assignment, said in words. */
  'channel.own.assigned': 'You assigned {role} to {person}',

  'channel.status.component': 'Affected component',
  'channel.status.component.website': 'Website',
  'channel.status.component.checkout': 'Checkout and payments',
  'channel.status.component.search': 'Search',
  'channel.status.component.orders': 'Order history',
  'channel.status.message': 'Message to customers',
  'channel.status.message.placeholder':
    'What customers notice, what you are doing, when the next update comes',
  'channel.status.templates': 'Start from a template',
  'channel.status.template.use': 'Use the “{status}” template',
  'channel.status.template.investigating':
    'We are investigating reports of errors and slow responses affecting {component}. Some customers may be unable to complete their requests. We will post an update within 30 minutes.',
  'channel.status.template.identified':
    'We have identified the cause of the problems affecting {component} and are working on a fix. We will post an update within 30 minutes.',
  'channel.status.template.monitoring':
    'A fix has been applied and {component} is recovering. We are monitoring the results closely.',
  'channel.status.template.resolved':
    'This incident has been resolved and {component} is working normally again. We are sorry for the inconvenience.',
  'channel.status.hint':
    'Write for customers: what they notice, not what broke inside. No internal names, no blame; say when the next update comes.',
  'channel.status.preview': 'Preview: the public status page',
  'channel.status.site': 'Shop status',
  'channel.status.affects': 'Affects: {component}',
  'channel.status.preview.empty': 'Your message appears here as customers will read it.',
  'channel.status.preview.when': 'Posted just now',
  'channel.status.post': 'Publish to status page',
} as const;
