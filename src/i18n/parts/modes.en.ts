/** English messages of the game modes' parts of the incident screen (merged into messages.en.ts). */
export const modesEn = {
  'incident.feed.own.note': 'Note',
  'incident.respond.tab.note': 'Notes',
  'incident.respond.noteText': 'Thinking aloud',
  'incident.respond.noteText.placeholder':
    'What are you looking at, what do you expect to see, and what would it tell you?',
  'incident.respond.noteSend': 'Add note',
  'incident.countdown': '{remaining} left',
  'incident.countdown.label': 'Time left in the interview',
  'incident.countdown.over': 'Time is up',
  'incident.countdown.endReason': 'The interview’s {minutes} minutes ran out.',
  'incident.facilitator.open': 'Facilitator',
  'incident.facilitator.openLabel':
    'Open the facilitator console in a new window. It shows the answer key: for an instructor or an interviewer.',
  'incident.facilitator.blocked':
    'The browser blocked the new window. Allow pop-ups for this page, or open {url} in another window.',
  'incident.speed.locked': 'No pause in an interview',
  'follower.noChannel':
    'This browser cannot link windows (BroadcastChannel is missing), so this window cannot follow the run.',
  'follower.missingScenario':
    'The run plays scenario “{id}”, which this browser’s library does not have in that version. Import the same file here first.',
} as const;
