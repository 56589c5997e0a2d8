// Entry point: defines the explorer's elements; index.html places <gt-app>.
import './components/gt-app.ts';
