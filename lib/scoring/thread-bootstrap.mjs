// The scoring thread's first module: Node cannot start a worker from TypeScript, so this registers tsx's loader
// (the same one `npm start` runs under) and then imports the TypeScript entry named in workerData.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
