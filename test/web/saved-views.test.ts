// Saved views for a briefing, without a browser: the file a planner exports reads back as the
// same views, a bad file is refused naming the field, what the browser stored survives a reload,
// and a saved view's query string restores the same view state. Also the briefing's file names,
// legend and source line, which are pure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legendGroups, sourceLine } from '../../web/src/briefing/export-pdf.ts';
import { briefingFileName } from '../../web/src/briefing/files.ts';
import type { SavedView } from '../../web/src/briefing/saved-views.ts';
import {
  loadViews,
  mergeViews,
  parseViewsFile,
  storageKey,
  storeViews,
  viewsFileText,
  withView,
  type ViewStore,
} from '../../web/src/briefing/saved-views.ts';
import { DEFAULT_VIEW, readView, writeView } from '../../web/src/state/view.ts';

/** The part of the Web Storage interface the views use, held in memory. */
class MemoryStorage implements ViewStore {
  readonly #items = new Map<string, string>();
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.#items.set(key, String(value));
  }
}

const FGW = '武汉市/市发改委';
const PLAN = '武汉市-4f1c';

const viewA: SavedView = {
  name: '牵头最多的单位',
  caption: '市发改委牵头事项最多',
  view: writeView({ ...DEFAULT_VIEW, plan: PLAN, selected: FGW }),
  camera: { zoom: 1.7, pan: { x: -120.5, y: 44 } },
  pins: {},
};
const viewB: SavedView = {
  name: '工作量热度',
  caption: '',
  view: writeView({ ...DEFAULT_VIEW, plan: PLAN, metric: 'load', kinds: ['unit', 'task'] }),
  camera: { zoom: 0.42, pan: { x: 10, y: 20 } },
  pins: { [FGW]: { x: 300, y: -75.25 } },
};

// JSON has no -0: a position of -0 is written and read as 0.
const finite = fc
  .double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })
  .map((n) => (Object.is(n, -0) ? 0 : n));
const position = fc.record({ x: finite, y: finite });
const arbitraryView: fc.Arbitrary<SavedView> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
  caption: fc.string({ maxLength: 40 }),
  view: fc.string({ maxLength: 60 }),
  camera: fc.record({
    zoom: fc.double({ min: 0.01, max: 10, noNaN: true }),
    pan: position,
  }),
  // Pins are keyed by node id, and a node id always has a slash (`武汉市/市发改委`, `<plan>/二(一)1`).
  pins: fc.dictionary(
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }))
      .map(([scope, name]) => `${scope}/${name}`),
    position,
    { maxKeys: 4 },
  ),
});

describe('saved views file', () => {
  it('reads back exactly the views it was written from', () => {
    fc.assert(
      fc.property(fc.array(arbitraryView, { maxLength: 5 }), (views) => {
        const read = parseViewsFile(viewsFileText(PLAN, views));
        expect(read).toEqual({
          ok: true,
          file: { format: 'guatu-saved-views', version: 1, plan: PLAN, views },
        });
      }),
    );
  });

  it('drops a pin keyed __proto__ from a file without touching any prototype', () => {
    const text = `{"format":"guatu-saved-views","version":1,"plan":"${PLAN}","views":[{"name":"a","caption":"","view":"","camera":{"zoom":1,"pan":{"x":0,"y":0}},"pins":{"__proto__":{"x":1,"y":2},"${FGW}":{"x":3,"y":4}}}]}`;
    const read = parseViewsFile(text);
    expect(read.ok ? read.file.views[0]?.pins : null).toEqual({ [FGW]: { x: 3, y: 4 } });
    expect(Object.getPrototypeOf(read.ok ? read.file.views[0]?.pins : null)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('refuses a view without a zoom, naming the field', () => {
    const file = JSON.parse(viewsFileText(PLAN, [viewA, viewB])) as {
      views: { camera: Record<string, unknown> }[];
    };
    delete file.views[1]?.camera['zoom'];
    const read = parseViewsFile(JSON.stringify(file));
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problem).toMatch(/^views\.1\.camera\.zoom: /);
  });

  it('refuses a pinned position that is not a number, naming the node', () => {
    const file = JSON.parse(viewsFileText(PLAN, [viewB])) as {
      views: { pins: Record<string, unknown> }[];
    };
    if (file.views[0] !== undefined) file.views[0].pins[FGW] = { x: '300', y: 1 };
    const read = parseViewsFile(JSON.stringify(file));
    expect(read.ok ? '' : read.problem).toMatch(new RegExp(`^views\\.0\\.pins\\.${FGW}\\.x: `));
  });

  it('refuses another kind of JSON file and text that is not JSON', () => {
    const other = parseViewsFile(JSON.stringify({ views: [] }));
    expect(other.ok ? '' : other.problem).toMatch(/^format: /);
    const broken = parseViewsFile('{"format": ');
    expect(broken.ok ? '' : broken.problem).toMatch(/^JSON: /);
  });
});

describe('saved views in the browser storage', () => {
  it('keeps each plan’s views apart and reads them back', () => {
    const storage = new MemoryStorage();
    storeViews(storage, PLAN, [viewA, viewB]);
    storeViews(storage, 'other-plan', [viewB]);
    expect(loadViews(storage, PLAN)).toEqual([viewA, viewB]);
    expect(loadViews(storage, 'other-plan')).toEqual([viewB]);
    expect(loadViews(storage, 'no-such-plan')).toEqual([]);
  });

  it('reads a damaged entry as no views', () => {
    const storage = new MemoryStorage();
    storage.setItem(storageKey(PLAN), '[{"name": "x", "camera": {"zoom": -1}}]');
    expect(loadViews(storage, PLAN)).toEqual([]);
    storage.setItem(storageKey(PLAN), 'not json');
    expect(loadViews(storage, PLAN)).toEqual([]);
  });

  it('saving under a name already used replaces that view, in place', () => {
    const renamed = { ...viewB, name: viewA.name };
    expect(withView([viewA, viewB], renamed)).toEqual([renamed, viewB]);
    expect(mergeViews([viewA], [viewB, { ...viewA, caption: 'new' }])).toEqual([
      { ...viewA, caption: 'new' },
      viewB,
    ]);
  });
});

describe('a saved view’s view state', () => {
  it('restores the selection, filters and heat it was saved with', () => {
    const a = readView(`?${viewA.view}`);
    expect(a.selected).toBe(FGW);
    expect(a.plan).toBe(PLAN);
    const b = readView(`?${viewB.view}`);
    expect(b.metric).toBe('load');
    expect(b.kinds).toEqual(['unit', 'task']);
    expect(b.selected).toBeNull();
  });
});

describe('briefing files', () => {
  it('are named <plan>-<date>.<ext>, without characters file systems refuse', () => {
    expect(briefingFileName(PLAN, 'png', '2026-03-03')).toBe('武汉市-4f1c-2026-03-03.png');
    expect(briefingFileName('a/b: c', 'pdf', '2026-03-03')).toBe('a-b-c-2026-03-03.pdf');
    expect(briefingFileName(null, 'svg', '2026-03-03')).toBe('guatu-2026-03-03.svg');
  });

  it('the PDF legend holds the heat scale when a metric is on, and the categories shown', () => {
    const nodes = [
      { id: FGW, kind: 'unit', label: '市发改委', category: 'government-department', load: 60 },
      { id: 'u2', kind: 'unit', label: '市经信局', category: 'government-department', load: 20 },
      { id: 'u3', kind: 'unit', label: '团市委', category: 'people-organisation', load: 2 },
    ];
    const withHeat = legendGroups({
      lang: 'zh',
      source: { id: PLAN, title: 't' },
      nodes,
      metric: 'load',
    });
    expect(withHeat[0]?.title).toBe('热度 · 工作量');
    expect(withHeat[0]?.entries.map((e) => e.label)).toEqual(['最小 2', '最大 60']);
    expect(withHeat.map((g) => g.title)).toEqual(['热度 · 工作量', '类型', '单位类别', '角色']);
    expect(withHeat[2]?.entries).toHaveLength(2);
    const plain = legendGroups({
      lang: 'en',
      source: { id: PLAN, title: 't' },
      nodes,
      metric: null,
    });
    expect(plain.map((g) => g.title)).toEqual(['Kinds', 'Categories', 'Roles']);
  });

  it('the PDF footer names the date, the source document and its fingerprint', () => {
    const line = sourceLine(
      {
        lang: 'zh',
        nodes: [],
        metric: null,
        source: {
          id: PLAN,
          title: '武汉市国民经济和社会发展第十四个五年规划任务分工方案',
          issuer: '武汉市人民政府办公厅',
          date: '2022-03-03',
          sha256: 'ab12',
        },
      },
      '2026-11-29',
    );
    expect(line).toBe(
      '日期 2026-11-29 · 来源文件: 武汉市国民经济和社会发展第十四个五年规划任务分工方案 · 武汉市人民政府办公厅 · 2022-03-03 · SHA-256 ab12',
    );
  });
});
