// Named views for a briefing: what the planner looked at (the view's query string, as the URL
// holds it), where the camera was, a caption and the nodes pinned by hand. Kept in the browser
// per plan, and written to / read from a JSON file to hand to a colleague. Everything read back
// (localStorage, a file) is checked by zod: a stale or hand-edited entry must not break the app.
// zod/mini, as elsewhere in the app: full zod probes for eval, which the app's CSP refuses.
import * as z from 'zod/mini';

/** zod 4 numbers are finite: NaN and ±Infinity are refused. */
const Position = z.object({ x: z.number(), y: z.number() });
const Size = z.object({
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
});

export const SavedView = z.object({
  name: z.string().check(z.regex(/\S/, 'a view needs a name')),
  caption: z._default(z.string(), ''),
  /** The view as its query string (state/view.ts writeView), without the open tool. */
  view: z.string(),
  camera: z.object({ zoom: z.number().check(z.positive()), pan: Position }),
  pins: z._default(z.record(z.string(), Position), {}),
  /**
   * The canvas's size in pixels when saved: with the camera it gives the box of the graph that
   * was on screen, which a presentation fits to a screen of any size. Views saved before it was
   * kept have none.
   */
  canvas: z.optional(Size),
  /** The nodes on screen when saved: framed instead when the layout has moved them since. */
  visible: z.optional(z.array(z.string())),
});
export type SavedView = z.infer<typeof SavedView>;

export const SAVED_VIEWS_FORMAT = 'guatu-saved-views';

/** The exported file: the format's name and version first, so a wrong file is told apart. */
export const SavedViewsFile = z.object({
  format: z.literal(SAVED_VIEWS_FORMAT),
  version: z.literal(1),
  plan: z.nullable(z.string()),
  views: z.array(SavedView),
});
export type SavedViewsFile = z.infer<typeof SavedViewsFile>;

/** What of the Web Storage API the views use (localStorage in the app). */
export interface ViewStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const storageKey = (plan: string | null) => `guatu.savedViews.${plan ?? ''}`;

/** A zod failure as one line naming the field: `views.0.camera.zoom: …`. */
export function describeProblem(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return error.message;
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/** Reads a file's text: its views, or the reason it was refused (the field named). */
export function parseViewsFile(
  text: string,
): { ok: true; file: SavedViewsFile } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `JSON: ${(error as Error).message}` };
  }
  const parsed = SavedViewsFile.safeParse(json);
  return parsed.success
    ? { ok: true, file: parsed.data }
    : { ok: false, problem: describeProblem(parsed.error) };
}

export function viewsFileText(plan: string | null, views: readonly SavedView[]): string {
  const file: SavedViewsFile = { format: SAVED_VIEWS_FORMAT, version: 1, plan, views: [...views] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The plan's saved views; an unreadable entry reads as none (and is left for the planner). */
export function loadViews(storage: ViewStore, plan: string | null): SavedView[] {
  const raw = storage.getItem(storageKey(plan));
  if (raw === null) return [];
  try {
    const parsed = z.array(SavedView).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function storeViews(storage: ViewStore, plan: string | null, views: readonly SavedView[]) {
  storage.setItem(storageKey(plan), JSON.stringify(views));
}

/** Adds a view, replacing one of the same name (saving again under a name updates it). */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const at = views.findIndex((v) => v.name === view.name);
  if (at < 0) return [...views, view];
  return views.map((v, i) => (i === at ? view : v));
}

/** Imported views join the saved ones; a name already saved takes the imported version. */
export function mergeViews(
  views: readonly SavedView[],
  imported: readonly SavedView[],
): SavedView[] {
  return imported.reduce<SavedView[]>((all, view) => withView(all, view), [...views]);
}
