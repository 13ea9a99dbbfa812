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

  'console.panel.label': '控制台',
  'console.panel.title': 'ssh oncall@bastion',
  'console.panel.keys': 'Tab 补全 · ↑/↓ 历史 · Ctrl-C 取消 · Ctrl-L 清屏 · 先按 Esc 再按 Tab 离开',
  'console.input.label': '控制台命令',
  'console.note.label': '提示：',
  'console.copy': '复制输出',
  'console.copied': '已复制',
  'console.copySelected': '已选中输出：按 Ctrl+C 复制',
  'console.exitStatus': '退出码 {code}',
  'console.truncated':
    '… 还有 {count} 行未显示。可复制全部输出，或用 | grep、| head、| tail 缩小范围。',
  'console.trimmed': '较早的输出已移除，以保持控制台流畅。',
  'console.cleared': '控制台已清屏',
  'console.internalError': '控制台无法运行这一行（这是游戏的错误，不是你的命令有误）。',

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

  'reply.from.secondary': 'Sam（二线值班）',
  'reply.from.dba': 'Mei（DBA 值班）',
  'reply.from.platform': '平台组值班',
  'reply.from.network': '网络组值班',
  'reply.from.payments': '支付服务商支持',
  'reply.from.manager': 'Dana（工程经理）',
  'reply.secondary.summary':
    '已上线，正在看。仪表盘显示：API p99 为 {p99} ms，{errors}% 的 API 请求失败，{firing} 条告警在触发。告诉我你希望我负责哪一块。',
  'reply.dba.primaryDown': '主库目前不接受连接：正在重启或恢复。在它恢复前看不到别的。',
  'reply.dba.idleInTx':
    '主库上有 {count} 个后端处于 idle in transaction，max_connections 为 {max}。它们占着连接却什么都不做；有代码没有提交或回滚。',
  'reply.dba.locks': '主库上有 {waiters} 个会话在等锁。有人持有阻塞它们的锁；pg_locks 能看出是谁。',
  'reply.dba.slowQuery': '主库忙于一条语句：{query}… 平均每次调用 {mean} ms。其他语句看起来正常。',
  'reply.dba.cpu': '主库 CPU 为 {cpu}%。没有特别突出的会话，是负载高。',
  'reply.dba.healthy':
    '从我这边看数据库是健康的：{active} 个活跃后端（上限 {max}），没有锁等待，没有慢语句。',
  'reply.platform.crashLoop':
    '有 {count} 个 {deployment} Pod 处于 CrashLoopBackOff。集群本身没问题，是容器在退出。',
  'reply.platform.notReady':
    'API Pod 只有 {ready}/{desired} 个就绪。节点正常；是 Pod 没通过就绪检查。',
  'reply.platform.coredns': 'CoreDNS Pod 的 CPU 为 {cpu}%。它们是现在 kube-system 里最忙的。',
  'reply.platform.healthy': '集群看起来正常：节点正常，已调度 {pods} 个 Pod，没有崩溃重启的。',
  'reply.network.dnsOverload':
    '集群 DNS 过载：每秒 {qps} 次查询，CoreDNS 容量使用 {util}%，{dropped}% 的查询被丢弃。是谁在查这么多？',
  'reply.network.upstream':
    '上游解析器对 {servfail}% 的转发查询返回 SERVFAIL。集群内部域名能解析，外部域名不行。',
  'reply.network.tls': '边缘节点每秒记录 {errors} 个 TLS 握手错误。检查一下证书。',
  'reply.network.healthy':
    '从我这边看网络和 DNS 正常：每秒 {qps} 次 DNS 查询，无丢弃，边缘节点正常。',
  'reply.payments.degraded':
    '我们这边延迟升高：你们账户的 p99 为 {p99} ms，错误率 {errors}%。我们正在调查。',
  'reply.payments.healthy': '我们的 API 运行正常：你们账户的 p99 为 {p99} ms。状态页上没有事件。',
  'reply.manager.askImpact': '收到。对客户的影响是什么，下次更新是什么时候？请先在状态页上发一条。',
  'reply.manager.thanks': '谢谢，我看到状态页的更新了。继续保持更新；需要更多人手就说。',
} as const satisfies Translations;
