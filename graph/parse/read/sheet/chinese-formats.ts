// Excel's built-in number formats 27–36 and 50–58 have no fixed code: each locale defines its
// own, and in Chinese Excel they are the date formats a planner picks from the menu — 31 is
// yyyy"年"m"月"d"日", 57 yyyy"年"m"月", 58 m"月"d"日". A workbook saved by Chinese Excel or WPS
// stores only the id. ExcelJS knows these codes per locale but, having no default locale, reads
// such a cell as a bare number: a deadline would come out as 45107 instead of 2023年6月30日.
// Giving those ids their zh-CN code, once, before a workbook is loaded, makes ExcelJS read them
// as the dates they are. Only reading is affected: ExcelJS builds its writer's code → id table
// when it is first loaded, before this runs.
import { createRequire } from 'node:module';

interface BuiltinFormat {
  f?: string;
  'zh-cn'?: string;
}

let taught = false;

export function teachChineseBuiltinFormats(): void {
  if (taught) return;
  taught = true;
  try {
    const require = createRequire(import.meta.url);
    const builtins = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<
      string,
      BuiltinFormat
    >;
    for (const format of Object.values(builtins)) {
      if (format.f === undefined && format['zh-cn'] !== undefined) format.f = format['zh-cn'];
    }
  } catch {
    // A later ExcelJS laid out differently: such cells show as numbers, as they did before.
  }
}
