// The interactive lab behind /demos/<id>: a learner breaks brokers, adds consumers, changes settings,
// plays time and checks a challenge, on the deterministic cluster engine. The scenarios it runs are in
// ../scenarios.
export * from "./types";
export { createLab, labStep, replayLab, createLabClient, MAX_TICK_QUANTA } from "./reducer";
export { consumerRows, groupLag } from "./views";
export { challengeProgress } from "./progress";
export { NOTE_LIMIT } from "./core";
export { LAG_SERIES_LIMIT } from "./observation";
export { encodeLabRun, decodeLabRun } from "./codec";
export { LAB_SCENARIOS, labScenarioById } from "../scenarios";
