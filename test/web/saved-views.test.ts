// Saved views for a briefing, without a browser: the file a planner exports reads back as the
// same views, a bad file is refused naming the field, what the browser stored survives a reload,
// and a saved view's query string restores the same view state. Also what a slide fits to the
// screen, the briefing's file names, legend and source line, which are pure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileSubject, planFileName } from '../../web/src/briefing/files.ts';
import { legendGroups, sourceLine } from '../../web/src/briefing/frame.ts';
import { boundsFromCamera, fitCamera, slideTarget } from '../../web/src/briefing/slide-fit.ts';
import { withPlanPrefix } from '../../web/src/export/download.ts';
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

describe('a slide', () => {
  // A view saved on a 890×690 canvas (a 1280×800 window less the header and the panel).
  const saved: SavedView = {
    ...viewA,
    camera: { zoom: 0.5, pan: { x: 45, y: -20 } },
    canvas: { width: 890, height: 690 },
    visible: ['a', 'b'],
  };
  const box = { x1: -90, y1: 40, x2: 1690, y2: 1420 };

  it('knows the box of the graph that was on screen when the view was saved', () => {
    expect(boundsFromCamera(saved.camera, { width: 890, height: 690 })).toEqual(box);
  });

  it('fits that box to a 1920×1080 screen: whole, centred, as large as the screen allows', () => {
    const camera = fitCamera(box, { width: 1920, height: 1080 });
    // 1380 model units high fill 1080 pixels; the width (1780 units) then takes 1393 of 1920.
    expect(camera.zoom).toBeCloseTo(1080 / 1380, 12);
    const shown = boundsFromCamera(camera, { width: 1920, height: 1080 });
    expect(shown.y1).toBeCloseTo(box.y1, 9);
    expect(shown.y2).toBeCloseTo(box.y2, 9);
    expect((shown.x1 + shown.x2) / 2).toBeCloseTo((box.x1 + box.x2) / 2, 9);
    expect(shown.x1).toBeLessThan(box.x1);
    // On the screen it was saved on, the fit is the saved camera itself.
    const same = fitCamera(box, { width: 890, height: 690 });
    expect(same.zoom).toBeCloseTo(saved.camera.zoom, 12);
    expect(same.pan.x).toBeCloseTo(saved.camera.pan.x, 9);
    expect(same.pan.y).toBeCloseTo(saved.camera.pan.y, 9);
  });

  it('keeps a margin and the canvas’s zoom limits', () => {
    const padded = fitCamera({ x1: 0, y1: 0, x2: 100, y2: 100 }, { width: 300, height: 200 }, 50);
    expect(padded.zoom).toBe(1);
    expect(padded.pan).toEqual({ x: 100, y: 50 });
    const tiny = fitCamera({ x1: 0, y1: 0, x2: 1, y2: 1 }, { width: 1920, height: 1080 }, 0, {
      min: 0.05,
      max: 4,
    });
    expect(tiny.zoom).toBe(4);
  });

  it('frames the saved box while the layout leaves its nodes inside it', () => {
    expect(
      slideTarget(saved, { a: { x: 0, y: 100 }, b: { x: 1600, y: 1400 }, c: { x: 9e3, y: 0 } }),
    ).toEqual({
      box,
    });
  });

  it('frames the nodes that were on screen once the layout has moved them', () => {
    expect(slideTarget(saved, { a: { x: 0, y: 100 }, b: { x: 2400, y: 1400 } })).toEqual({
      nodes: ['a', 'b'],
    });
    // Only those still drawn: a filter may have taken some away.
    expect(slideTarget(saved, { b: { x: -500, y: 0 } })).toEqual({ nodes: ['b'] });
  });

  it('frames what a view saved before the canvas size was kept lights', () => {
    expect(slideTarget(viewA, { [FGW]: { x: 0, y: 0 } })).toEqual({ lit: true });
    expect(slideTarget({ ...viewA, visible: [FGW] }, { [FGW]: { x: 0, y: 0 } })).toEqual({
      nodes: [FGW],
    });
  });

  it('is kept with the view in the file and read back', () => {
    const read = parseViewsFile(viewsFileText(PLAN, [saved, viewB]));
    expect(read.ok ? read.file.views : null).toEqual([saved, viewB]);
    const bad = JSON.parse(viewsFileText(PLAN, [saved])) as { views: { canvas: object }[] };
    if (bad.views[0] !== undefined) bad.views[0].canvas = { width: 0, height: 690 };
    const refused = parseViewsFile(JSON.stringify(bad));
    expect(refused.ok ? '' : refused.problem).toMatch(/^views\.0\.canvas\.width: /);
  });
});

describe('briefing files', () => {
  const plan = {
    title: '武汉市国民经济和社会发展第十四个五年规划和2035年远景目标纲要任务分工方案',
    jurisdiction: '武汉市',
  };
  const day = new Date(2026, 11, 6, 12);

  it('are named <plan’s short title>-<what they show>-<date>.<ext>', () => {
    expect(planFileName(plan, '市发改委', 'pdf', day)).toBe(
      '武汉十四五分工-市发改委-2026-12-06.pdf',
    );
    expect(planFileName(plan, 'A 市发改委/重点', 'png', day)).toBe(
      '武汉十四五分工-A-市发改委-重点-2026-12-06.png',
    );
    expect(planFileName(plan, 'a\u0000b:c*?"<>|', 'svg', day)).toBe(
      '武汉十四五分工-a-b-c-2026-12-06.svg',
    );
    expect(planFileName(null, '全图', 'json', day)).toBe('guatu-全图-2026-12-06.json');
  });

  it('say what is on screen: a saved view, else the selection, else the theme, else the whole graph', () => {
    const unit = {
      id: FGW,
      kind: 'unit',
      label: '市发改委',
      labelEn: 'Development and Reform Commission',
    };
    const theme = {
      id: 't',
      kind: 'theme',
      label: '(一)',
      ref: '(一)',
      title: '加快建设国家科技创新中心',
    };
    const task = {
      id: 'k',
      kind: 'task',
      label: '1',
      ref: '二(一)1',
      title: '建设东湖综合性国家科学中心。',
    };
    expect(fileSubject({ savedView: 'A 市发改委', selected: unit }, 'zh')).toBe('A 市发改委');
    expect(fileSubject({ selected: unit, theme }, 'zh')).toBe('市发改委');
    expect(fileSubject({ selected: task }, 'zh')).toBe('二(一)1');
    expect(fileSubject({ theme }, 'zh')).toBe('加快建设国家科技创新中心');
    expect(fileSubject({}, 'zh')).toBe('全图');
    expect(fileSubject({}, 'en')).toBe('whole graph');
  });

  it('a table named only after what it holds gets the plan’s short title in front, once', () => {
    expect(withPlanPrefix('unit-load-2026-12-06.csv', '武汉十四五分工')).toBe(
      '武汉十四五分工-unit-load-2026-12-06.csv',
    );
    expect(withPlanPrefix('武汉十四五分工-市发改委-2026-12-06.csv', '武汉十四五分工')).toBe(
      '武汉十四五分工-市发改委-2026-12-06.csv',
    );
    expect(withPlanPrefix('unit-load-2026-12-06.csv', '')).toBe('unit-load-2026-12-06.csv');
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
