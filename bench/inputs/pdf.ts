// A 200-page PDF notice for `npm run bench:parse`: example 06's task table repeated with fresh
// numbers, section rows every 20 tasks, lead cells merged down, printed by Debian's Chromium as
// the test fixtures are (scripts/make-pdf-fixtures.ts), so the reader meets real CID fonts,
// drawn rules and a table running across every page break.
import {
  SECTIONS,
  launchChromium,
  print,
  tableHtml,
  type TableRow,
  type TableSection,
} from '../../scripts/make-pdf-fixtures.ts';

const TITLES = ['推动经济高质量发展', '深化改革扩大开放', '持续保障和改善民生', '加强生态环境保护'];
const CHINESE = '一二三四五六七八九十';

/** "一"…"九十九": section numbers as printed. */
function chineseNumber(n: number): string {
  if (n <= 10) return CHINESE[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? CHINESE[tens - 1] : ''}十${ones > 0 ? CHINESE[ones - 1] : ''}`;
}

function sections(rows: number): TableSection[] {
  const pool: TableRow[] = SECTIONS.flatMap((s) => s.rows);
  const out: TableSection[] = [];
  for (let n = 0; n < rows; n++) {
    if (n % 20 === 0) {
      const k = out.length + 1;
      out.push({ title: `${chineseNumber(k)}、${TITLES[(k - 1) % TITLES.length]}`, rows: [] });
    }
    const base = pool[n % pool.length] as TableRow;
    // A merged lead cell must not run past its section's end.
    const lead = base.lead && { ...base.lead, rows: Math.min(base.lead.rows, 20 - (n % 20)) };
    const row: TableRow = { ...base, no: String(n + 1) };
    if (lead) row.lead = lead;
    else if (n % 20 === 0) row.lead = { text: '市发改委', rows: 1 };
    else delete row.lead;
    out[out.length - 1]?.rows.push(row);
  }
  return out;
}

const countPages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![s\w])/g) ?? []
  ).length;

/** A task-division notice of about `pages` pages whose body is one ruled task table. */
export async function taskTablePdf(pages = 200): Promise<Uint8Array> {
  const browser = await launchChromium();
  try {
    // About eight rows fit a page; one correction from the first print's count gets close.
    let rows = pages * 8;
    let pdf = await print(browser, tableHtml(sections(rows)));
    const got = countPages(pdf);
    if (got > 0 && Math.abs(got - pages) > pages * 0.05) {
      rows = Math.round((rows * pages) / got);
      pdf = await print(browser, tableHtml(sections(rows)));
    }
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
