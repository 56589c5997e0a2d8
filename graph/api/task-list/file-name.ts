// What a downloaded task list is called, and the header that names it: the plan's short title,
// the unit and the day (武汉十四五分工-市发改委任务清单-2026-12-06.xlsx), as every file guatu hands
// out is named (contract/short-title.ts). Pure.
import { planShortTitle, type PlanTitle } from '../../../contract/short-title.ts';
import type { TaskListLang } from './words.ts';

export type TaskListFormat = 'xlsx' | 'docx';

export const CONTENT_TYPES: Record<TaskListFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Characters no file system takes, and spaces, become a dash; Chinese stays. */
function safe(part: string): string {
  return part.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
}

export interface TaskListFile {
  plan: PlanTitle;
  /** The unit's short name as the notice prints it. */
  unitName: string;
  format: TaskListFormat;
  lang: TaskListLang;
  /** YYYY-MM-DD. */
  day: string;
}

export function taskListFileName(file: TaskListFile): string {
  const what =
    file.lang === 'zh' ? `${safe(file.unitName)}任务清单` : `${safe(file.unitName)}-task-list`;
  return `${safe(planShortTitle(file.plan))}-${what}-${file.day}.${file.format}`;
}

/** A day as YYYY-MM-DD in the server's own time zone (the browser normally says its own). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** RFC 5987's attr-char leaves out ' ( ) * that encodeURIComponent keeps. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition: attachment` with the UTF-8 name in `filename*` (RFC 6266 / 5987) and an
 * ASCII `filename` for clients that read only that one.
 */
export function attachment(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}
