/**
 * The strings of recovery after a crash, of changes made to the file by other programs and of
 * conflicts, and of a damaged file opened as a copy: the `recovery`, `external` and `salvage` keys
 * of the renderer's translations (renderer/i18n/resources.ts spreads them in).
 */
export const recoveryStrings = {
  'zh-CN': {
    recovery: {
      backupFailed: '无法备份未保存的内容（{{message}}）。请尽快保存。',
      title: '恢复未保存的文稿',
      intro: '讲稿上次没有正常关闭。以下文稿有未保存的内容：',
      savedAt: '备份于 {{time}}',
      untitled: '（未保存过的新文稿）',
      restore: '恢复',
      compare: '与磁盘文件比较',
      discard: '丢弃',
      discardConfirm: '丢弃后无法找回“{{name}}”的未保存内容。确定丢弃吗？',
      later: '稍后处理',
      diskMissing: '磁盘上的文件已不存在。',
      diskFailed: '无法读取磁盘上的文件：{{message}}',
      same: '备份与磁盘文件内容相同。',
      close: '关闭比较',
    },
    external: {
      changedClean: '“{{name}}”已被其他程序修改。是否重新载入？',
      changedDirty: '“{{name}}”已被其他程序修改，而您也有未保存的修改。',
      conflict: '保存前发现“{{name}}”已被其他程序修改。为避免覆盖他人的修改，本次未保存。',
      deleted: '“{{name}}”已被删除或移动。您的内容仍在编辑器中；保存将重新创建该文件。',
      reload: '重新载入',
      ignore: '暂不处理',
      compare: '比较',
      keepMine: '保留我的版本',
      keepMineSave: '保留我的版本并保存',
      takeTheirs: '采用磁盘上的版本',
      ok: '知道了',
      loading: '正在读取磁盘上的版本…',
      readFailed: '无法读取磁盘上的版本：{{message}}',
      mine: '我的版本',
      theirs: '磁盘上的版本',
    },
    salvage: {
      title: '文件已损坏',
      message: '“{{name}}”无法正常打开：{{reason}}',
      opened:
        '已将能读出的部分作为新的未命名文稿打开：' +
        '完好 {{kept}} 段，修复 {{repaired}} 段，丢失 {{lost}} 段。原文件未作任何改动。',
      truncated: '文件末尾缺失（可能在写入时中断）。',
      droppedMeta: '以下文稿属性无效，已舍弃：{{names}}。',
      ok: '知道了',
    },
  },
  en: {
    recovery: {
      backupFailed: 'Unsaved work could not be backed up ({{message}}). Save soon.',
      title: 'Recover unsaved work',
      intro: 'Lectern did not close normally last time. These documents have unsaved work:',
      savedAt: 'Backed up {{time}}',
      untitled: '(a new document never saved)',
      restore: 'Restore',
      compare: 'Compare with the file on disk',
      discard: 'Discard',
      discardConfirm: 'The unsaved work of “{{name}}” cannot be recovered once discarded. Discard it?',
      later: 'Later',
      diskMissing: 'The file on disk no longer exists.',
      diskFailed: 'The file on disk could not be read: {{message}}',
      same: 'The backup and the file on disk are the same.',
      close: 'Close comparison',
    },
    external: {
      changedClean: '“{{name}}” was changed by another program. Reload it?',
      changedDirty: '“{{name}}” was changed by another program, and you have unsaved changes too.',
      conflict:
        '“{{name}}” was changed by another program since you opened it. It was not saved, so nobody’s changes are overwritten.',
      deleted: '“{{name}}” was deleted or moved. Your text is still in the editor; saving creates the file again.',
      reload: 'Reload',
      ignore: 'Not now',
      compare: 'Compare',
      keepMine: 'Keep my version',
      keepMineSave: 'Keep my version and save',
      takeTheirs: 'Take the version on disk',
      ok: 'OK',
      loading: 'Reading the version on disk…',
      readFailed: 'The version on disk could not be read: {{message}}',
      mine: 'My version',
      theirs: 'Version on disk',
    },
    salvage: {
      title: 'Damaged file',
      message: '“{{name}}” could not be opened normally: {{reason}}',
      opened:
        'What could be read is open as a new untitled document: {{kept}} paragraphs intact, ' +
        '{{repaired}} repaired, {{lost}} lost. The file itself was not changed.',
      truncated: 'The end of the file is missing (a write may have been interrupted).',
      droppedMeta: 'These document properties were invalid and were dropped: {{names}}.',
      ok: 'OK',
    },
  },
};
