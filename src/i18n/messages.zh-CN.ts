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

  'console.cmd.kubectl': '查看和修改 Kubernetes 集群（Pod、Deployment、日志、滚动发布）',
  'console.cmd.psql': 'PostgreSQL 客户端；也可连接 PgBouncer 管理控制台（-p 6432 pgbouncer）',
  'console.cmd.dig': '查询 DNS 服务器（状态、应答、TTL、查询耗时）',
  'console.cmd.nslookup': '像 Pod 的解析器一样查询主机名',
  'console.cmd.curl': '发起 HTTP 请求；-w 显示各阶段耗时',
  'console.cmd.redis-cli': 'Redis 客户端：INFO 各部分、PING、SLOWLOG',
  'console.cmd.openssl': 'TLS 客户端：证书主体、签发者和有效期',
  'console.cmd.top': '主机的进程与负载',
  'console.cmd.free': '主机的内存',
  'console.cmd.df': '主机文件系统的磁盘空间',
  'console.cmd.ss': '主机的套接字统计',
  'console.cmd.grep': '保留匹配模式的行',
  'console.cmd.head': '保留前几行',
  'console.cmd.tail': '保留最后几行',
  'console.cmd.wc': '统计行数、单词数和字符数',
  'console.cmd.sort': '对行排序',
  'console.cmd.less': '显示管道输出',
  'console.cmd.more': '显示管道输出',
  'console.cmd.cat': '显示管道输出',
  'console.cmd.help': '列出此控制台的命令',
  'console.cmd.man': '显示命令的用法',
  'console.cmd.history': '列出已输入的命令',
  'console.cmd.clear': '清屏（Ctrl-L）',
  'console.cmd.echo': '输出文本',
  'console.cmd.date': '输出当前日期和时间（UTC）',
  'console.cmd.whoami': '输出你的用户名',
  'console.cmd.hostname': '输出本机主机名',
  'console.cmd.pwd': '输出当前工作目录',
  'console.cmd.exit': '退出 shell（值班期间不行）',
  'console.help.intro': '此跳板机上的命令（man 命令 查看详情；Tab 补全，↑/↓ 调出历史）：',
  'console.help.line': '  {command}{summary}',
  'console.help.outro':
    '支持管道：kubectl get pods | grep api。psql 和 redis-cli 会打开交互会话；用 \\q 或 quit 退出。',
  'console.man.description': '说明：{summary}',
  'console.note.didYouMean': '你是不是想输入：{suggestion}',
  'console.note.tryHelp': '输入 help 查看此控制台支持的命令。',
  'console.note.oneCommand': '此控制台每行运行一条命令（或一条管道）。',
  'console.note.stayOnCall': '你正在值班：故障解决前 shell 会一直开着。',
  'console.note.sqlNotUnderstood':
    '模拟数据库无法理解这条语句。它能回答故障中 SRE 常用的查询：pg_stat_activity、pg_stat_statements、pg_locks、EXPLAIN、SHOW、pg_stat_replication、pg_replication_slots 以及管理函数。输入 \\? 查看示例。',
  'console.note.takesTime': '此变更需要一段时间生效：{detail}',
  'console.note.unsupportedFlag': '此控制台的 {command} 不模拟 {flag}。',
} as const satisfies Translations;
