// The reviews waiting for 载入 belong to the app, not to one set of routes: the import routes keep
// them, and the comparison of editions (routes/editions.ts) compares one with the plan it would
// replace. One store per app (per ApiContext), made by whichever asks first.
import { PendingImports, type PendingLimits } from './pending.ts';

const stores = new WeakMap<object, PendingImports>();

/** The app's store of imports under review; `limits` apply when this call makes it. */
export function pendingImportsOf(app: object, limits: Partial<PendingLimits> = {}): PendingImports {
  let store = stores.get(app);
  if (store === undefined) {
    store = new PendingImports(limits);
    stores.set(app, store);
  }
  return store;
}
