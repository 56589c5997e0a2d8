// What bench/matrix.ts (at the repository's root) times in Chromium: a synthetic plan of `units` units and `themes` themes,
// its responsibility matrix built, ordered (by load, clustered) and drawn as the view draws it
// (matrix/draw-table.ts), then laid out by the browser. Bundled for the page by the bench.
import type { EdgeData, NodeData } from '../src/api/schema.ts';
import { indexElements } from '../src/graph/plan-index.ts';
import { drawMatrixTable } from '../src/matrix/draw-table.ts';
import { buildMatrix, matrixEdges } from '../src/matrix/matrix-data.ts';
import { orderMatrix } from '../src/matrix/order.ts';
import { DEFAULT_VIEW } from '../src/state/view.ts';
import '../src/components/gt-matrix-view.ts';

/** A plan where each unit works mostly within a few neighbouring themes (so clustering has work). */
export function syntheticPlan(units: number, themes: number, itemsPerTheme: number) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const nodes: NodeData[] = [];
  const edges: EdgeData[] = [];
  for (let u = 0; u < units; u++) {
    nodes.push({ id: `u${u}`, kind: 'unit', label: `单位${u}`, name: `单位${u}` });
  }
  let sortKey = 0;
  for (let t = 0; t < themes; t++) {
    const theme = `t${t}`;
    nodes.push({
      id: theme,
      kind: 'theme',
      label: `主题${t}`,
      title: `主题${t}`,
      ref: `(${t + 1})`,
      sortKey: sortKey++,
    });
    for (let i = 0; i < itemsPerTheme; i++) {
      const item = `${theme}/${i}`;
      nodes.push({
        id: item,
        kind: 'task',
        label: `任务${i}`,
        title: `任务${i}`,
        ref: `${t + 1}.${i + 1}`,
        parentId: theme,
        sortKey: sortKey++,
      });
      edges.push({ id: `${item}|UNDER`, source: item, target: theme, type: 'UNDER' });
      const home = Math.floor((t / themes) * units);
      const chosen = new Set<number>();
      while (chosen.size < 3) chosen.add((home + Math.floor(random() * 12) + units) % units);
      [...chosen].forEach((u, at) => {
        const type = at === 0 ? 'LEADS' : 'SUPPORTS';
        edges.push({
          id: `u${u}|${type}|${item}`,
          source: `u${u}`,
          target: item,
          type,
          inferred: at === 0 && random() < 0.2,
        });
      });
    }
  }
  return { nodes: nodes.map((data) => ({ data })), edges: edges.map((data) => ({ data })) };
}

export function run(units: number, themes: number, itemsPerTheme: number, css = '') {
  const plan = syntheticPlan(units, themes, itemsPerTheme);
  const times: Record<string, number> = {};
  const timed = <T>(name: string, work: () => T): T => {
    const started = performance.now();
    const value = work();
    times[name] = performance.now() - started;
    return value;
  };
  const index = timed('index', () => indexElements(plan));
  const ids = plan.nodes.map((node) => node.data.id);
  const edges = timed('filter', () => matrixEdges(index, ids, DEFAULT_VIEW));
  const matrix = timed('build', () => buildMatrix(index, edges, { by: 'themes', lang: 'zh' }));
  const byLoad = timed('order by load', () => orderMatrix(matrix, 'load', 'zh'));
  timed('order by name', () => orderMatrix(matrix, 'name', 'zh'));
  timed('cluster', () => orderMatrix(matrix, 'cluster', 'zh'));
  const table = timed('draw (DOM)', () =>
    drawMatrixTable(document, byLoad, {
      by: 'themes',
      lang: 'zh',
      maxCellLoad: matrix.maxCellLoad,
    }),
  );
  timed('layout', () => {
    const style = document.createElement('style');
    style.textContent = css;
    document.body.replaceChildren(style, table);
    return table.offsetHeight;
  });
  document.body.replaceChildren();
  return {
    rows: matrix.rows.length,
    columns: matrix.columns.length,
    cells: table.querySelectorAll('td').length,
    edges: edges.length,
    times,
  };
}

/** The view itself, as the app shows it: first draw (built, ordered, drawn, laid out), a
 * selection, a new order; each until the browser has laid it out. */
export async function runView(units: number, themes: number, itemsPerTheme: number) {
  const plan = syntheticPlan(units, themes, itemsPerTheme);
  const index = indexElements(plan);
  const view = document.createElement('gt-matrix-view');
  view.style.cssText = 'display:grid;position:fixed;inset:0';
  document.body.replaceChildren(view);
  const times: Record<string, number> = {};
  const settled = async (name: string, change: () => void) => {
    const started = performance.now();
    change();
    await view.updateComplete;
    // Reading a size makes the browser lay the table out now, inside the timing.
    const height = view.shadowRoot?.querySelector('table')?.offsetHeight ?? 0;
    times[name] = performance.now() - started;
    return height;
  };
  await settled('view: first draw', () => {
    view.graph = { plan: 'p', elements: plan };
    view.index = index;
    view.view = { ...DEFAULT_VIEW, matrix: true };
  });
  await settled('view: select a unit', () => {
    view.view = { ...view.view, selected: 'u3' };
  });
  await settled('view: by name', () => {
    view.view = { ...view.view, matrixSort: 'name' };
  });
  await settled('view: clustered', () => {
    view.view = { ...view.view, matrixSort: 'cluster' };
  });
  document.body.replaceChildren();
  return times;
}
