/** English messages of the inject library (src/session/injects.ts; merged into messages.en.ts). */
export const injectsEn = {
  'inject.from.support': 'Priya (customer support lead)',
  'inject.from.executive': 'Jordan (VP Engineering)',
  'inject.partnerReport':
    'Support here: tickets are coming in from customers who cannot complete their orders. Our API dashboard says {errors}% of requests fail and p99 is {p99} ms right now. Is this a known incident, and what should we tell customers?',
  'inject.executiveEta':
    'I am about to brief the exec team. What is the customer impact, and when will it be fixed? I need an ETA, even a rough one.',
  'inject.teammateOffline':
    'Sorry, I have to drop off: my laptop just died and I am on a train for the next 40 minutes.',
  'inject.teammateOffline.roles':
    'Sorry, I have to drop off: my laptop just died and I am on a train for the next 40 minutes. Someone needs to take over as {roles}.',
} as const;
