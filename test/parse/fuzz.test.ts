// Fuzzing every reader with a fixed seed: mutated fixtures (byte flips, truncations, splices,
// repeated chunks, invalid encodings, huge cells and lines, markup nested without end, and
// for the Word and Excel packages edits inside the zip: duplicated, dropped and renamed
// entries, broken XML). Each input must come back as a model — with items, or with an error
// issue saying why there are none — never as an exception. The same generators run for hours
// with `npm run fuzz` (scripts/fuzz.ts); this is a sample that always runs the same inputs.
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkInput } from '../../scripts/fuzz/check.ts';
import { FUZZ_FORMATS, seedFiles } from '../../scripts/fuzz/corpus.ts';
import { buildInput, fuzzPlan, inputName } from '../../scripts/fuzz/mutate.ts';
import { writeZip, type ZipEntry } from '../../scripts/fuzz/zip-writer.ts';
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../graph/parse/parse-document.ts';
import { DEFAULT_LIMITS } from '../../graph/parse/read/blocks.ts';
import { readHtml } from '../../graph/parse/read/html.ts';

const SEED = 20_261_207;
/** Inputs per format: the PDF reader is the slow one. */
const RUNS: Record<(typeof FUZZ_FORMATS)[number], number> = {
  text: 60,
  docx: 60,
  xlsx: 50,
  csv: 60,
  html: 60,
  pdf: 30,
  zip: 60,
};

describe('fuzzed inputs end in a model or a clear issue', () => {
  for (const format of FUZZ_FORMATS) {
    it(`${format}: ${RUNS[format]} mutated files`, { timeout: 120_000 }, async () => {
      const seeds = seedFiles(format);
      await fc.assert(
        fc.asyncProperty(fuzzPlan(format, seeds.length), async (plan) => {
          const bytes = buildInput(plan, seeds);
          const verdict = await checkInput(bytes, format, inputName(plan, seeds));
          expect(verdict).toMatchObject({ ok: true });
        }),
        { seed: SEED, numRuns: RUNS[format], endOnFailure: true },
      );
    });
  }
});

describe('the hostile shapes, each at least once', { timeout: 300_000 }, () => {
  const word = seedFiles('docx')[0]?.bytes ?? new Uint8Array();
  const entries = (): ZipEntry[] =>
    Object.entries(unzipSync(word)).map(([name, data]) => ({ name, data, method: 8 }));
  const withBody = (edit: (xml: string) => string) =>
    entries().map((entry) =>
      entry.name === 'word/document.xml'
        ? { ...entry, data: strToU8(edit(strFromU8(entry.data))) }
        : entry,
    );

  it('a Word body nested 50,000 tables deep', async () => {
    const deep = '<w:tbl><w:tr><w:tc>'.repeat(50_000) + '</w:tc></w:tr></w:tbl>'.repeat(50_000);
    const bytes = writeZip(withBody((xml) => xml.replace('<w:body>', `<w:body>${deep}`)));
    expect(await checkInput(bytes, 'zip', 'deep.docx')).toMatchObject({ ok: true });
  });

  it('a Word package holding its document twice, the copies different', async () => {
    const twice = [...entries(), ...withBody((xml) => xml.replaceAll('牵头', '配合'))];
    expect(twice.filter((e) => e.name === 'word/document.xml')).toHaveLength(2);
    const verdict = await checkInput(writeZip(twice), 'zip', 'twice.docx');
    expect(verdict).toMatchObject({ ok: true });
  });

  it('a cell of 4 MB in a Word table, and a line of 4 MB in a text', async () => {
    const huge = '市发改委、'.repeat(280_000);
    const cell = writeZip(withBody((xml) => xml.replace('<w:t>', `<w:t>${huge}`)));
    expect(await checkInput(cell, 'zip', 'cell.docx')).toMatchObject({ ok: true });
    const line = Buffer.from(`关于印发任务分工方案的通知\n${huge}\n`, 'utf8');
    expect(await checkInput(new Uint8Array(line), 'text', 'line.txt')).toMatchObject({ ok: true });
  });

  it('a web page of 50,000 unclosed nested tables is refused before the tree is built', async () => {
    // Found by this file: parse5 took minutes over it (graph/parse/read/html.ts, MAX_TABLE_DEPTH).
    const page = `<html><body>${'<table><tr><td>'.repeat(50_000)}市发改委</body></html>`;
    const verdict = await checkInput(new Uint8Array(Buffer.from(page)), 'html', 'deep.html');
    expect(verdict).toEqual({ ok: true, items: 0, codes: ['corrupt-file'] });
    const read = await readHtml(new Uint8Array(Buffer.from(page)), DEFAULT_LIMITS);
    expect(read.issues.find((i) => i.code === 'corrupt-file')?.zh).toContain(
      '表格嵌套 50000 层，上限为 3000 层',
    );
    // Layout tables a few levels deep are read as before.
    const layout = `<html><body>${'<table><tr><td>'.repeat(5)}一、总体要求${'</td></tr></table>'.repeat(5)}</body></html>`;
    const shallow = await readHtml(new Uint8Array(Buffer.from(layout)), DEFAULT_LIMITS);
    expect(shallow.issues.map((i) => i.code)).not.toContain('corrupt-file');
  });

  it('a web page of 50,000 unclosed <span>s is refused; unclosed <p>s and tags in scripts are not nesting', async () => {
    // Found by npm run fuzz (html seeds 633075943, 633077836): seconds of CPU in parse5's scope
    // searches (graph/parse/read/html.ts, MAX_ELEMENT_DEPTH).
    const deep = `<html><body>${'<span>'.repeat(50_000)}市发改委</body></html>`;
    const read = await readHtml(new Uint8Array(Buffer.from(deep)), DEFAULT_LIMITS);
    expect(read.blocks).toEqual([]);
    expect(read.issues.find((i) => i.code === 'corrupt-file')?.zh).toContain(
      '网页元素嵌套 50000 层，上限为 20000 层',
    );
    // A sloppy page's 30,000 unclosed paragraphs, and markup inside scripts, are read as before.
    const sloppy =
      '<html><body>' +
      '<script>var t = "<div><div><div>";</script>'.repeat(10_000) +
      '<p>一、总体要求'.repeat(30_000) +
      '</body></html>';
    const kept = await readHtml(new Uint8Array(Buffer.from(sloppy)), DEFAULT_LIMITS);
    expect(kept.issues.map((i) => i.code)).not.toContain('corrupt-file');
    expect(kept.blocks.length).toBe(30_000);
  });
});

describe('text seed 622721786 of npm run fuzz: lines of quotes and tabs', () => {
  const example = readFileSync(
    new URL('../fixtures/examples/04-table-as-text.txt', import.meta.url),
    'utf8',
  );
  const titles = (model: { items: { ref: string; title: string }[] }) =>
    model.items.map((item) => `${item.ref} ${item.title}`);

  it('4 MB of them (524,120 lines; it made 524,115 items in 34 s) are refused at the line cap', async () => {
    const seeds = seedFiles('text');
    const [plan] = fc.sample(fuzzPlan('text', seeds.length), { seed: 622_721_786, numRuns: 1 });
    if (!plan) throw new Error('no plan');
    const bytes = buildInput(plan, seeds);
    const name = inputName(plan, seeds);
    expect(name).toBe('04-table-as-text.txt');
    expect(await checkInput(bytes, 'text', name)).toEqual({
      ok: true,
      items: 0,
      codes: ['too-many-blocks'],
    });
    const model = await parseDocument(bytes, { name });
    expect(model.issues.map((i) => [i.code, i.message, i.zh])).toEqual([
      [
        'too-many-blocks',
        'more paragraphs or table rows than the limit: 04-table-as-text.txt has more than 60,000 ' +
          'lines; a task-division notice, even one of thousands of items, has far fewer',
        '段落或表格行过多，超出上限：04-table-as-text.txt 超过 60,000 行；' +
          '任务分工方案即使有数千项任务，行数也远少于此',
      ],
    ]);
  });

  it('under the cap they make no item: the table reads as without them', async () => {
    const plain = await parseDocument(Buffer.from(example), { name: '04.txt' });
    expect(plain.items).toHaveLength(4);
    const lines = example.split('\n');
    const junk = Array.from({ length: 50_000 }, () => '"",""\t"');
    // Among the rows, as the fuzzer put them, and a run of them after the header.
    const noisy = [lines[0], lines[1], lines[2], ...junk, ...lines.slice(3)].join('\n');
    const model = await parseDocument(Buffer.from(noisy), { name: '04.txt' });
    expect(titles(model)).toEqual(titles(plain));
    expect(model.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('html seed 633075795 of npm run fuzz: a unit list of quoted nothings', () => {
  it('names only the units in it, without an issue per nothing', async () => {
    // The fuzzer put 4 MB of '"",""' into a list of units: 524,288 units named "" and as many
    // issues, 12 s of CPU. A name needs a letter or a digit.
    const junk = '"",""'.repeat(50_000);
    const text = `示例市重点工作任务分工方案\n\n一、重点任务\n1.推进某项工作（牵头单位：市发改委；配合单位：市财政局、${junk}、市科技局）\n`;
    const model = await parseDocument(Buffer.from(text), { name: 'list.txt' });
    expect(model.items.map((item) => item.units.map((u) => `${u.name} ${u.edge}`))).toEqual([
      ['市发改委 LEADS', '市财政局 SUPPORTS', '市科技局 SUPPORTS'],
    ]);
    expect(model.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
});

describe('the mutations', () => {
  it('are the same for the same seed, and change the file', () => {
    const seeds = seedFiles('docx');
    const [a] = fc.sample(fuzzPlan('docx', seeds.length), { seed: 7, numRuns: 1 });
    const [b] = fc.sample(fuzzPlan('docx', seeds.length), { seed: 7, numRuns: 1 });
    expect(a).toEqual(b);
    if (!a || !b) throw new Error('no plan');
    expect(Buffer.from(buildInput(a, seeds)).equals(Buffer.from(buildInput(b, seeds)))).toBe(true);

    const sample = fc.sample(fuzzPlan('zip', seedFiles('zip').length), { seed: 7, numRuns: 20 });
    const changed = sample.filter(
      (plan) =>
        !Buffer.from(buildInput(plan, seedFiles('zip'))).equals(
          Buffer.from(seedFiles('zip')[plan.seed]?.bytes ?? []),
        ),
    );
    expect(changed.length).toBe(20);
  });
});
