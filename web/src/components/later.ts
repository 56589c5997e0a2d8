// The elements the first screen does not draw are defined after it: the selection's panels, the
// header's account menu and 待关联进展 badge, the import and report dialogs, the timeline and the
// login. Their code (about a sixth of the app's script, besides Cytoscape) is then neither fetched
// nor run before the plan's first frame. An element the app renders before its definition has
// arrived shows once it has: Lit keeps the properties set on it meanwhile. A handler that calls
// into one of them waits for it first (`define`).
const LATER = {
  'gt-unit-panel': () => import('./gt-unit-panel.ts'),
  'gt-item-panel': () => import('./gt-item-panel.ts'),
  'gt-theme-panel': () => import('./gt-theme-panel.ts'),
  'gt-node-panel': () => import('./gt-node-panel.ts'),
  'gt-account-menu': () => import('./gt-account-menu.ts'),
  'gt-unattached': () => import('../progress/gt-unattached.ts'),
  'gt-import-dialog': () => import('./gt-import-dialog.ts'),
  'gt-report-dialog': () => import('./gt-report-dialog.ts'),
  'gt-timeline': () => import('../warmap/gt-timeline.ts'),
  'gt-login': () => import('./gt-login.ts'),
  'gt-matrix-view': () => import('./gt-matrix-view.ts'),
} satisfies Partial<Record<keyof HTMLElementTagNameMap, () => Promise<unknown>>>;

export type LaterTag = keyof typeof LATER;

const asked = new Map<LaterTag, Promise<unknown>>();

/** Loads the module that defines `tag` (once; again after a failed load) and waits for it. */
export async function define(tag: LaterTag): Promise<void> {
  let loading = asked.get(tag);
  if (loading === undefined) {
    loading = LATER[tag]();
    asked.set(tag, loading);
    loading.catch(() => asked.delete(tag));
  }
  await loading;
  await customElements.whenDefined(tag);
}

/** Defines every one of them: asked for once the first screen is drawn. */
export async function defineAll(): Promise<void> {
  await Promise.all((Object.keys(LATER) as LaterTag[]).map((tag) => define(tag)));
}
