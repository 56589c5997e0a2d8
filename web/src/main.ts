// Entry point: asks for the plan's graph, then defines the explorer's elements; index.html places
// <gt-app>. The order matters: modules run in import order, so the answer is on its way while
// the components are defined and first rendered.
import './api/ask-graph-first.ts';
import './components/gt-app.ts';
