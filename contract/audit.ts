// What the audit log's actions are called, in Chinese and English: the administrators' table, its
// CSV export and the server's own export share these words. An action not listed here (a write
// added later) is shown as it is written.
export const AUDIT_ACTION_WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  login: { zh: '登录', en: 'Signed in' },
  'login-failed': { zh: '登录失败', en: 'Failed sign-in' },
  logout: { zh: '退出登录', en: 'Signed out' },
  'change-password': { zh: '修改密码', en: 'Changed password' },
  'add-account': { zh: '新建账号', en: 'Added account' },
  'change-account': { zh: '修改账号', en: 'Changed account' },
  'disable-account': { zh: '停用账号', en: 'Disabled account' },
  'enable-account': { zh: '启用账号', en: 'Enabled account' },
  'read-import': { zh: '读取导入文件', en: 'Read a file to import' },
  'cancel-import': { zh: '取消导入', en: 'Cancelled an import' },
  'import-plan': { zh: '导入方案', en: 'Imported a plan' },
  'replace-plan': { zh: '替换方案', en: 'Replaced a plan' },
  'remove-plan': { zh: '删除方案', en: 'Removed a plan' },
  'import-ledger': { zh: '导入督办台账', en: 'Imported a ledger' },
  'update-progress': { zh: '更新进展', en: 'Updated progress' },
  'edit-item': { zh: '修改事项', en: 'Edited an item' },
  'merge-units': { zh: '合并单位', en: 'Merged units' },
  'split-units': { zh: '拆分单位', en: 'Split units' },
};

/** The action's word in `lang`, or the action as written when it has none. */
export function auditActionWord(action: string, lang: 'zh' | 'en'): string {
  return AUDIT_ACTION_WORDS[action]?.[lang] ?? action;
}

/** Who made a write: an account's name, or in words the two who are not accounts. */
export function auditWhoWord(who: string, lang: 'zh' | 'en'): string {
  if (who === 'local')
    return lang === 'zh' ? '本机使用者（本地模式）' : 'This machine (local mode)';
  if (who === 'anonymous') return lang === 'zh' ? '（未登录）' : '(not signed in)';
  return who;
}

/** The audit log's columns, in the order the table and the CSV export show them. */
export const AUDIT_COLUMNS = [
  { key: 'seq', zh: '序号', en: 'No.' },
  { key: 'at', zh: '时间', en: 'When' },
  { key: 'who', zh: '账号', en: 'Account' },
  { key: 'role', zh: '角色', en: 'Role' },
  { key: 'action', zh: '操作', en: 'Action' },
  { key: 'target', zh: '对象', en: 'Target' },
  { key: 'before', zh: '变更前', en: 'Before' },
  { key: 'after', zh: '变更后', en: 'After' },
  { key: 'origin', zh: '来源页面', en: 'Origin' },
  { key: 'address', zh: '客户端地址', en: 'Address' },
] as const;
