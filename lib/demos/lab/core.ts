// What every part of the lab builds on: the lab's own error (an invalid learner action, reported as
// lastError), one engine action that turns an engine error into a lab error, a plain-English note, and
// the small validators and time constants the handlers share.
import { step, type ClusterAction } from "@/lib/cluster";
import { LAB_QUANTUM_MS, type LabNote, type LabNoteTone, type LabState } from "./types";

export const NOTE_LIMIT = 100;
/** Each quantum is played in slices: the workload sends a little every slice, as a real producer would. */
export const SLICES_PER_QUANTUM = 5;
export const SLICE_MS = LAB_QUANTUM_MS / SLICES_PER_QUANTUM;
export const SECOND = 1000;

/** A learner action the lab refuses; its message is shown as is. */
export class LabError extends Error {}

export const isInt = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value);

export const isNum = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** One engine action; an engine error becomes the lab's error (and the caller's state is kept). */
export function engine(lab: LabState, action: ClusterAction): LabState {
  const before = lab.cluster.errorCount;
  const cluster = step(lab.cluster, action);
  if (cluster.errorCount !== before && cluster.lastError) throw new LabError(cluster.lastError.message);
  return { ...lab, cluster };
}

export function note(lab: LabState, tone: LabNoteTone, kind: string, message: string): LabState {
  const entry: LabNote = { seq: lab.noteSeq, t: lab.cluster.now, tone, kind, message };
  const notes = [...lab.notes, entry];
  return { ...lab, notes: notes.length > NOTE_LIMIT ? notes.slice(notes.length - NOTE_LIMIT) : notes, noteSeq: lab.noteSeq + 1 };
}
