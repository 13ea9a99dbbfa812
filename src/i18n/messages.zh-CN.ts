import type { Translations } from './messages.en.ts';

/**
 * Simplified Chinese. Every key of the English catalogue must appear here; write `undefined` for a
 * string that has no translation yet and the English text is shown instead.
 */
export const zhCN = {
  'app.title': '值班演练',
  'app.documentTitle': '值班演练 — 生产故障实战练习',

  'title.eyebrow': '故障响应训练',
  'title.tagline': '在告警找上你之前，先把生产故障练熟',
  'title.status': '值班中',

  'title.live.label': '实时模拟',
  'title.live.caption': '模拟生产系统的实时视图：{route} 的 p99 延迟',
  'title.live.firing': '告警中',
  'title.live.ok': '正常',
  'title.live.starting': '启动中',
  'title.live.summary': 'p99 {p99} 毫秒 · 超过 {threshold} 毫秒告警（对数坐标）',
  'title.live.clock': '{clock} UTC',

  'title.modes.legend': '选择模式',
  'title.mode.practice.name': '练习',
  'title.mode.practice.meta': '单人 · 自定节奏',
  'title.mode.practice.description': '按自己的节奏排查故障，卡住时可以查看提示。',
  'title.mode.interview.name': '面试演练',
  'title.mode.interview.meta': '单人 · 限时',
  'title.mode.interview.description': '限时处理一次故障，没有提示，像面试官那样复盘。',
  'title.mode.classroom.name': '课堂',
  'title.mode.classroom.meta': '多人 · 讲师主持',
  'title.mode.classroom.description': '讲师为整个教室同时主持同一场故障演练。',

  'title.start': '开始',
  'title.start.unavailable': '事故处理界面将在下一个版本中推出',

  'title.language.label': '语言',
  'title.language.en': 'English',
  'title.language.zh-CN': '简体中文',

  'title.footer.build': '基础构建 · v{version}',
  'title.footer.privacy': '完全在你的浏览器中运行。',
} as const satisfies Translations;
