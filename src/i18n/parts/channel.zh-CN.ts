import type { channelEn } from './channel.en.ts';

/** Simplified Chinese messages of the channel (merged into messages.zh-CN.ts). */
export const channelZhCN = {
  'channel.tab.assignRole': '角色',
  'channel.tab.statusPage': '状态页',

  'channel.roles.role': '角色',
  'channel.roles.person': '指派给',
  'channel.roles.assign': '指派角色',
  'channel.roles.role.commander': '事件指挥官',
  'channel.roles.role.operations': '运维负责人',
  'channel.roles.role.communications': '沟通负责人',
  'channel.roles.role.scribe': '记录员',
  'channel.roles.me': '我',
  'channel.roles.help':
    '指挥官负责协调和决策；运维负责人处理系统；沟通负责人向客户和公司通报情况；记录员记录时间线。',
  'channel.roles.current': '已指派',
  'channel.roles.none': '尚未指派任何角色：在指派之前，所有角色都由你承担。',
  'channel.roles.entry': '{role}：{person}',
  'channel.own.assigned': '你将{role}指派给了{person}',

  'channel.status.component': '受影响的组件',
  'channel.status.component.website': '网站',
  'channel.status.component.checkout': '结账与支付',
  'channel.status.component.search': '搜索',
  'channel.status.component.orders': '订单历史',
  'channel.status.message': '致客户的消息',
  'channel.status.message.placeholder': '客户遇到了什么、你们正在做什么、下次更新在何时',
  'channel.status.templates': '从模板开始',
  'channel.status.template.use': '使用“{status}”模板',
  'channel.status.template.investigating':
    '我们正在调查影响{component}的错误和响应缓慢问题。部分客户可能无法完成操作。我们将在 30 分钟内发布更新。',
  'channel.status.template.identified':
    '我们已找到影响{component}的问题原因，正在修复。我们将在 30 分钟内发布更新。',
  'channel.status.template.monitoring': '修复已上线，{component}正在恢复。我们正在密切观察。',
  'channel.status.template.resolved':
    '此事件已解决，{component}已恢复正常。给您带来不便，我们深表歉意。',
  'channel.status.hint':
    '为客户而写：写他们遇到了什么，而不是内部哪里坏了。不写内部名称，不指责任何人；说明下次更新的时间。',
  'channel.status.preview': '预览：公开状态页',
  'channel.status.site': '商店状态',
  'channel.status.affects': '影响范围：{component}',
  'channel.status.preview.empty': '你的消息会以客户看到的样子显示在这里。',
  'channel.status.preview.when': '刚刚发布',
  'channel.status.post': '发布到状态页',
} as const satisfies {
  readonly [K in keyof typeof channelEn]: string | undefined;
};
