// Entry of a fuzzing thread: tsx's loader does not reach worker threads by itself, so the
// thread registers it before importing the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
