import type { logsEn } from './logs.en.ts';

/** Simplified Chinese messages of the logs (merged into messages.zh-CN.ts). */
export const logsZhCN = {
  'logs.filter.pod': 'Pod',
  'logs.filter.allPods': '全部 Pod',
  'logs.detail.title': '日志行',
  'logs.detail.time': '时间（UTC）',
  'logs.detail.service': '服务',
  'logs.detail.pod': 'Pod',
  'logs.detail.level': '级别',
  'logs.detail.json': 'JSON（已格式化）',
  'logs.detail.copy': '复制此行',
  'logs.detail.copied': '已复制',
  'logs.detail.copyFailed': '复制失败：请手动选择文本',
  'logs.detail.close': '关闭',
  'logs.list.hint': '↑ ↓ 逐行移动，Enter 打开，Esc 关闭',
  'logs.tail.resume.none': '恢复跟踪',
  'logs.tail.resume.one': '{count} 条新日志 —— 恢复跟踪',
  'logs.tail.resume.other': '{count} 条新日志 —— 恢复跟踪',
  'logs.filter.fromQuery': '由查询设定',
  'logs.filter.fromQueryHint': '查询已设定此标签：{matcher}',
  'logs.filter.levelOnly': '仅 {level}',
} as const satisfies {
  readonly [K in keyof typeof logsEn]: string | undefined;
};
