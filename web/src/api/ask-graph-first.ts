// Imported first by main.ts: modules run in import order, so the plan's graph is asked for
// before the app's components are defined (early-graph.ts).
import { startEarlyGraph } from './early-graph.ts';

startEarlyGraph();
