// The interactive lab behind /demos/<id>: a learner breaks brokers, adds consumers, changes settings,
// plays time and checks a challenge, on the same deterministic engine as the scripted walkthroughs.
export * from "./types";
export { createLab, labStep, replayLab, createLabClient, consumerRows, groupLag, LAG_SERIES_LIMIT, NOTE_LIMIT } from "./lab";
export { encodeLabRun, decodeLabRun } from "./codec";
export { LAB_SCENARIOS, labScenarioById } from "./scenarios";
