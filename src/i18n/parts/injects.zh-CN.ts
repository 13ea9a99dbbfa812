import type { injectsEn } from './injects.en.ts';

/** Simplified Chinese messages of the inject library (merged into messages.zh-CN.ts). */
export const injectsZhCN = {
  'inject.from.support': 'Priya（客户支持负责人）',
  'inject.from.executive': 'Jordan（工程副总裁）',
  'inject.partnerReport':
    '这里是客服：不断有客户反馈无法完成下单。我们看到的 API 仪表盘显示，目前 {errors}% 的请求失败，p99 为 {p99} 毫秒。这是已知事故吗？我们该怎么回复客户？',
  'inject.executiveEta':
    '我马上要向管理层汇报。对客户的影响有多大？什么时候能修好？我需要一个预计恢复时间，粗略的也行。',
  'inject.teammateOffline': '抱歉，我得下线了：笔记本刚刚没电，接下来 40 分钟我都在火车上。',
  'inject.teammateOffline.roles':
    '抱歉，我得下线了：笔记本刚刚没电，接下来 40 分钟我都在火车上。需要有人接手 {roles} 的角色。',
} as const satisfies { readonly [K in keyof typeof injectsEn]: string | undefined };
