import type { runbooksEn } from './runbooks.en.ts';

/** Simplified Chinese messages of the runbooks (merged into messages.zh-CN.ts). */
export const runbooksZhCN = {
  'runbooks.heading': '运行手册',
  'runbooks.list': '运行手册与说明',
  'runbooks.search': '搜索运行手册',
  'runbooks.search.placeholder': 'pool、max_connections、dig…',
  'runbooks.count.all': '文档：{count} 篇',
  'runbooks.count.matches': '“{query}”的匹配结果：{count} 篇',
  'runbooks.count.none': '没有运行手册提到“{query}”。',
  'runbooks.loading': '正在加载运行手册…',
  'runbooks.failed': '运行手册加载失败。',
  'runbooks.choose': '选择一篇运行手册，或搜索告警名称、指标或命令。',
  'runbooks.missing': '此地址没有运行手册。',
  'runbooks.back': '← 返回',
  'runbooks.copy': '复制',
  'runbooks.copy.label': '复制这些命令',
  'runbooks.copied': '已复制',
  'runbooks.selected': '已选中：按 Ctrl+C 复制',
} as const satisfies {
  readonly [K in keyof typeof runbooksEn]: string | undefined;
};
