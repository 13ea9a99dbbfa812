import type { importEn } from './import.en.ts';

/** Simplified Chinese messages of scenario import (merged into messages.zh-CN.ts). */
export const importZhCN = {
  'import.choose': '导入场景',
  'import.hint': 'YAML 或 JSON 格式的场景文件，最大 512 KB。也可以直接拖放到事件库上。',
  'import.drop': '拖放 .yaml、.yml 或 .json 场景文件即可导入',
  'import.reading': '正在检查 {file}…',
  'import.problems.title': '{file} 未能导入',
  'import.problems.count.one': '1 个问题（与 check 命令的报告一致）：',
  'import.problems.count.other': '{count} 个问题（与 check 命令的报告一致）：',
  'import.problems.file': '（文件）',
  'import.problems.more': '… 另有 {count} 个',
  'import.dismiss': '关闭',
  'import.imported': '已从 {file} 导入“{title}”。它已加入事件库，标记为“已导入”。',
  'import.replaced': '已用 {file} 替换“{title}”。',
  'import.replace.text':
    '你之前导入过 id 为“{id}”的场景（{file}，{when}）。要用 {newFile} 替换它吗？',
  'import.replace.confirm': '替换',
  'import.replace.cancel': '保留之前的',
  'import.replace.cancelled': '{file} 未导入：之前的场景保持不变。',
  'import.badge': '已导入',
  'import.actions': '已导入的场景 {title}',
  'import.export': '导出',
  'import.exportFailed': '无法导出这个场景：它已不在保存的数据中。',
  'import.remove': '移除',
  'import.remove.ask': '要从事件库中移除它吗？它的练习记录会保留在历史记录中。',
  'import.remove.confirm': '移除',
  'import.remove.cancel': '保留',
  'import.removed': '已从事件库中移除“{title}”。',
  'import.refused.fileType': '场景文件的扩展名必须是 .yaml、.yml 或 .json',
  'import.refused.tooLarge': '文件大于 {size} KB',
  'import.refused.bundledId': '游戏已有 id 为“{id}”的场景：请给你的场景换一个 id',
  'import.refused.unreadable': '无法读取该文件',
  'import.refused.failed': '无法检查该文件：{detail}',
  'import.didYouMean': '（你是不是想写“{suggestion}”？）',
  'import.notSaved.full': '浏览器为本游戏保留的存储空间已满：请移除一个已导入的场景后重试',
  'import.notSaved.unavailable': '这个浏览器不允许游戏保存数据（隐私窗口或浏览器设置）',
  'import.notSaved.refused': '浏览器拒绝保存',
  'import.setAside': '你导入的场景 {file} 已无法通过检查（{detail}）。它已被移到 {key} 保存。',
} as const satisfies {
  readonly [K in keyof typeof importEn]: string | undefined;
};
