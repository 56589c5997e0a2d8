// The view in the URL: a link opens the same view, defaults stay out of the address, and nothing
// a person or an old link puts in the query string breaks the app.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  EXPAND_LIMIT,
  FILTER_KINDS,
  ROLES,
  readView,
  TOOLS,
  toggle,
  writeView,
  type ViewState,
} from '../../web/src/state/view.ts';
import { TIMELINE_GROUPS, WAR_FILTERS } from '../../web/src/state/warmap.ts';
import { MATRIX_COLUMNS, type MatrixSort } from '../../web/src/state/matrix.ts';

const id = fc.string({
  minLength: 1,
  maxLength: 12,
  unit: fc.constantFrom('a', '市', '/', '(', ')', '*', '1', '&', '=', ' ', '%', '?'),
});

const name = fc.string({
  minLength: 1,
  maxLength: 8,
  unit: fc.constantFrom('市', '发', '改', '委', 'a', '-', '|', '&', '=', '%', ' '),
});

/** No row lit (any marks), or a row lit by its ranking and key (its marks worked out again). */
const lighting = fc.oneof(
  fc.record({ marked: fc.uniqueArray(id), hot: fc.constant(null), row: fc.constant(null) }),
  fc.record({
    marked: fc.constant([]),
    hot: fc.constantFrom('unit-load', 'coordination-pairs', 'multi-lead-items'),
    row: name,
  }),
);

/** No comparison of editions, or two plans compared as a table or on the graph. */
const comparing = fc.oneof(
  fc.record({ compare: fc.constant(null), compareOn: fc.constant('table' as const) }),
  fc.record({
    compare: fc.record({ from: id, to: id }),
    compareOn: fc.constantFrom('table' as const, 'graph' as const),
  }),
);

const arbitraryView: fc.Arbitrary<ViewState> = fc
  .tuple(
    fc.record({
      plan: fc.option(id, { nil: null }),
      selected: fc.option(id, { nil: null }),
      layout: fc.constantFrom('layered', 'force'),
      lang: fc.constantFrom('zh', 'en'),
      scope: fc.constantFrom('plan', 'focus'),
      kinds: fc.subarray([...FILTER_KINDS]),
      roles: fc.subarray([...ROLES]),
      theme: fc.option(id, { nil: null }),
      hiddenCategories: fc
        .uniqueArray(fc.constantFrom('party-organ', 'collective', 'working-group', 'unknown'))
        .map((list) => list.sort()),
      collectives: fc.boolean(),
      expanded: fc.uniqueArray(fc.record({ id, limit: fc.integer({ min: 1, max: 500 }) }), {
        selector: (expansion) => expansion.id,
      }),
      hidden: fc.uniqueArray(id),
      links: fc.boolean(),
      table: fc.boolean(),
      tool: fc.option(fc.constantFrom(...TOOLS), { nil: null }),
      metric: fc.option(fc.constantFrom('load', 'itemsLed', 'betweenness'), { nil: null }),
      warmap: fc.boolean(),
      warFilters: fc.subarray([...WAR_FILTERS]),
      timeline: fc.boolean(),
      timelineBy: fc.constantFrom(...TIMELINE_GROUPS),
      matrix: fc.boolean(),
      matrixSort: fc.oneof(
        fc.constantFrom<MatrixSort>('load', 'name', 'cluster'),
        id.map((key): MatrixSort => `col:${key}`),
      ),
      matrixColumns: fc.constantFrom(...MATRIX_COLUMNS),
      allPlans: fc.boolean(),
      // A chosen set round-trips in test/web/plans-scope.test.ts.
      chosenPlans: fc.constant([]),
    }),
    lighting,
    comparing,
  )
  .map(([view, lit, compared]) => ({ ...view, ...lit, ...compared }));

describe('the view in the URL', () => {
  it('leaves every default out of the address', () => {
    expect(writeView(DEFAULT_VIEW)).toBe('');
    expect(readView('')).toEqual(DEFAULT_VIEW);
  });

  it('reads back every view it writes', () => {
    fc.assert(
      fc.property(arbitraryView, (view) => {
        expect(readView(`?${writeView(view)}`)).toEqual(view);
      }),
    );
  });

  it('keeps ids with slashes, brackets and Chinese intact', () => {
    const view = {
      ...DEFAULT_VIEW,
      selected: '武汉市-f64b89c6/二(一)1',
      expanded: [
        { id: '武汉市/市发改委', limit: EXPAND_LIMIT },
        { id: '12*武汉市/市经信局', limit: EXPAND_LIMIT },
        { id: '武汉市/市科技局', limit: 70 },
      ],
      hidden: ['武汉市/各区人民政府'],
    };
    const query = writeView(view);
    expect(query).toContain('sel=%E6%AD%A6%E6%B1%89%E5%B8%82-f64b89c6%2F%E4%BA%8C%28%E4%B8%80%291');
    expect(readView(query)).toEqual(view);
  });

  it('reads a hand-written link', () => {
    const view = readView(
      '?sel=武汉市/市发改委&layout=force&lang=en&roles=lead,owner&coll=0&nocat=party-organ&exp=70*武汉市/市发改委&scope=focus&links=1&table=1',
    );
    expect(view).toEqual({
      ...DEFAULT_VIEW,
      selected: '武汉市/市发改委',
      layout: 'force',
      lang: 'en',
      roles: ['lead', 'owner'],
      collectives: false,
      hiddenCategories: ['party-organ'],
      expanded: [{ id: '武汉市/市发改委', limit: 70 }],
      scope: 'focus',
      links: true,
      table: true,
    });
  });

  it('falls back to defaults on values it does not know', () => {
    const view = readView(
      '?layout=circle&lang=fr&kinds=unit,galaxy,task,unit&roles=&scope=x&exp=&exp=9999*a',
    );
    expect(view.layout).toBe('layered');
    expect(view.lang).toBe('zh');
    expect(view.kinds).toEqual(['unit', 'task']);
    expect(view.roles).toEqual([]);
    expect(view.scope).toBe('plan');
    expect(view.expanded).toEqual([{ id: 'a', limit: 500 }]);
  });

  it('names a lit ranking row by its ranking and key, not by the ids it lights', () => {
    const view: ViewState = {
      ...DEFAULT_VIEW,
      tool: 'hotspots',
      hot: 'coordination-pairs',
      row: '市发改委|市经信局',
    };
    const query = writeView(view);
    // The rankings open with the row: no `tool`, no `mark`; names kept readable around the `|`.
    expect(query).toBe(
      `hot=coordination-pairs&row=${encodeURIComponent('市发改委')}|${encodeURIComponent('市经信局')}`,
    );
    expect(readView(`?${query}`)).toEqual(view);
    expect(readView('?hot=coordination-pairs&row=市发改委|市经信局')).toEqual(view);
    // Marks stay out of the address while a row names them, even when the state holds them.
    expect(writeView({ ...view, marked: ['武汉市/市发改委', '武汉市/市经信局'] })).toBe(query);
    // The rankings shut, the row still lit: `tool=` says so.
    const shut = writeView({ ...view, tool: null });
    expect(shut).toContain('tool=&');
    expect(readView(`?${shut}`)).toEqual({ ...view, tool: null });
    // Another tool open over the lit row.
    expect(readView(`?${writeView({ ...view, tool: 'paths' })}`).tool).toBe('paths');
  });

  it('still lights the ids an old link lists, and ignores a ranking without a row', () => {
    const old = readView('?mark=武汉市/市发改委&mark=武汉市/市经信局&tool=hotspots');
    expect(old.marked).toEqual(['武汉市/市发改委', '武汉市/市经信局']);
    expect(old.hot).toBeNull();
    const half = readView('?hot=unit-load&mark=a');
    expect([half.hot, half.row, half.tool, half.marked]).toEqual([null, null, null, ['a']]);
    // A row key wins over marks sent beside it: they are worked out from the key.
    const both = readView('?hot=unit-load&row=市发改委&mark=a');
    expect([both.hot, both.row, both.marked]).toEqual(['unit-load', '市发改委', []]);
  });

  it('toggles a member of a list in the vocabulary order', () => {
    expect(toggle(['unit', 'task'], 'theme', FILTER_KINDS)).toEqual(['unit', 'theme', 'task']);
    expect(toggle(['unit', 'task'], 'unit', FILTER_KINDS)).toEqual(['task']);
    expect(toggle(['b'], 'a')).toEqual(['b', 'a']);
  });
});
