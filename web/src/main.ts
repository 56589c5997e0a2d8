// Entry point: asks for the plan's graph, then defines the explorer's elements; index.html places
// <gt-app>. The order matters: modules run in import order, so the answer is on its way while
// the components are defined and first rendered.
import './api/ask-graph-first.ts';
import './components/gt-app.ts';
// Every module above has run: the app's script is evaluated (a phase of the first draw).
performance.mark('gt-script-evaluated');
