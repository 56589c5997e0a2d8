// The words of the availability banner (gt-db-banner), in Chinese and English: what a planner
// reads while guatu's database is being restarted or its server cannot be reached.
export const zh = {
  availabilityDatabaseDown: '数据库暂时不可用，正在重新连接…',
  availabilityServerDown: '无法连接挂图服务，正在重试…',
  availabilityHint: '恢复后会自动继续，无需刷新页面。',
  availabilityRetryNow: '立即重试',
} as const satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  availabilityDatabaseDown: 'The database is temporarily unavailable; reconnecting…',
  availabilityServerDown: 'Cannot reach the guatu server; retrying…',
  availabilityHint: 'The explorer carries on by itself once it is back; no need to reload.',
  availabilityRetryNow: 'Retry now',
};

export type AvailabilityWord = keyof typeof zh;
