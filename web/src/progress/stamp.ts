// When a record was made, as a planner reads it: records are stamped in UTC, and read in the
// plan's time zone (the server's GUATU_TIME_ZONE default), whatever zone this browser is in.
import type { Lang } from '../i18n/messages.ts';

export const stamp = (at: string, lang: Lang): string =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
