// How long a read of a damaged or hostile file may run before a test calls it hung. How fast reads
// are is measured by `npm run fuzz` (its slow-input report) and `npm run bench:parse`, never here:
// a bound near the real time fails whenever the machine is busy with other lanes.
export const HANG_MS = 30_000;
