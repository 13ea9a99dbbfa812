import type { modesEn } from './modes.en.ts';

/** Simplified Chinese messages of the game modes' parts of the incident screen. */
export const modesZhCN = {
  'incident.feed.own.note': '笔记',
  'incident.respond.tab.note': '笔记',
  'incident.respond.noteText': '边想边说',
  'incident.respond.noteText.placeholder': '你在看什么？预期会看到什么？它能说明什么？',
  'incident.respond.noteSend': '添加笔记',
  'incident.countdown': '剩余 {remaining}',
  'incident.countdown.label': '面试剩余时间',
  'incident.countdown.over': '时间到',
  'incident.countdown.endReason': '面试的 {minutes} 分钟已用完。',
  'incident.facilitator.open': '主持人',
  'incident.facilitator.openLabel':
    '在新窗口中打开主持人控制台。其中包含答案：供讲师或面试官使用。',
  'incident.facilitator.blocked':
    '浏览器拦截了新窗口。请允许此页面弹出窗口，或在另一个窗口中打开 {url}。',
  'incident.speed.locked': '面试中不能暂停',
  'follower.noChannel': '此浏览器无法关联窗口（缺少 BroadcastChannel），因此这个窗口无法跟随演练。',
  'follower.missingScenario':
    '这次演练使用场景“{id}”，但此浏览器的场景库中没有该版本。请先在这里导入同一个文件。',
} as const satisfies { readonly [K in keyof typeof modesEn]: string | undefined };
