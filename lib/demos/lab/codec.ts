// A lab run as a short URL-safe string (for ?run=): the scenario, the seed and the action log. The
// state itself is never shipped: replaying the actions on the seed rebuilds it exactly.
import { z } from "zod";
import { DEMO_SCENARIO_IDS } from "../catalog";
import type { DecodedLabRun, LabAction, LabState } from "./types";

const PREFIX = "r1.";
const MAX_TEXT = 200_000;
const MAX_ACTIONS = 5000;

const int = z.number().int();
const actionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("tick"), quanta: int.min(1) }),
  z.object({ type: z.literal("produce"), key: z.string().max(100).nullable(), value: z.string().max(200).optional(), count: int.min(1).optional(), timestamp: int.min(0).optional() }),
  z.object({ type: z.literal("setWorkload"), ratePerSec: z.number().min(0), keySkew: z.number().min(0).max(1), keyCount: int.min(0).optional() }),
  z.object({ type: z.literal("setProducer"), acks: z.enum(["0", "1", "all"]), idempotence: z.boolean(), retries: int.min(0) }),
  z.object({
    type: z.literal("setTopic"),
    partitions: int.optional(),
    replicationFactor: int.optional(),
    minInsyncReplicas: int.optional(),
    retentionMs: int.optional(),
    uncleanLeaderElection: z.boolean().optional(),
  }),
  z.object({ type: z.literal("killBroker"), broker: int }),
  z.object({ type: z.literal("restartBroker"), broker: int }),
  z.object({ type: z.literal("addConsumer"), group: z.string().max(40).optional() }),
  z.object({ type: z.literal("removeConsumer"), consumer: z.string().max(40) }),
  z.object({ type: z.literal("crashConsumer"), consumer: z.string().max(40) }),
  z.object({ type: z.literal("slowConsumer"), consumer: z.string().max(40), slow: z.boolean() }),
  z.object({ type: z.literal("setAssignor"), strategy: z.enum(["range", "roundrobin", "sticky", "cooperative-sticky"]) }),
  z.object({ type: z.literal("dropAcks"), count: int.min(1) }),
  z.object({ type: z.literal("setWindow"), sizeMs: int.optional(), advanceMs: int.optional(), graceMs: int.optional(), gapMs: int.optional() }),
  z.object({ type: z.literal("transaction"), outcome: z.enum(["commit", "abort"]) }),
  z.object({ type: z.literal("guidedStep"), index: int.min(0) }),
  z.object({ type: z.literal("reset") }),
]);

const runSchema = z.object({
  s: z.string(),
  seed: z.string().min(1).max(100),
  a: z.array(z.unknown()).max(MAX_ACTIONS),
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** The run as `r1.<base64url JSON>`: scenario id, seed and the (coalesced) action log. */
export function encodeLabRun(state: LabState): string {
  return PREFIX + toBase64Url(JSON.stringify({ s: state.scenarioId, seed: state.seed, a: state.actions }));
}

/** Reads a run string back; a damaged or foreign string gives an error that says what is wrong. */
export function decodeLabRun(text: string): DecodedLabRun {
  if (typeof text !== "string" || text.length === 0) return { ok: false, error: "The run link is empty." };
  if (text.length > MAX_TEXT) return { ok: false, error: `The run link is too long (${text.length} characters; at most ${MAX_TEXT}).` };
  if (!text.startsWith(PREFIX)) return { ok: false, error: "This is not a lab run link: it should start with 'r1.'." };
  const body = text.slice(PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return { ok: false, error: "The run link has characters that base64url does not use; it was probably cut or changed when copied." };
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(body));
  } catch {
    return { ok: false, error: "The run link could not be read back; it was probably cut short when copied." };
  }
  const run = runSchema.safeParse(json);
  if (!run.success) {
    const listed = json !== null && typeof json === "object" ? (json as { a?: unknown }).a : undefined;
    if (Array.isArray(listed) && listed.length > MAX_ACTIONS) {
      return { ok: false, error: `The run link has ${listed.length} actions; a lab run keeps at most ${MAX_ACTIONS}.` };
    }
    return { ok: false, error: "The run link does not describe a lab run (scenario, seed and actions)." };
  }
  const scenarioId = DEMO_SCENARIO_IDS.find((id) => id === run.data.s);
  if (!scenarioId) return { ok: false, error: `The run link names a scenario that does not exist: '${run.data.s.slice(0, 60)}'.` };
  const actions: LabAction[] = [];
  for (let i = 0; i < run.data.a.length; i++) {
    const parsed = actionSchema.safeParse(run.data.a[i]);
    if (!parsed.success) {
      const raw = run.data.a[i] as { type?: unknown } | null;
      const type = raw && typeof raw === "object" && typeof raw.type === "string" ? `'${raw.type.slice(0, 30)}'` : "without a type";
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (field ${issue.path.join(".")})` : "";
      return { ok: false, error: `Action ${i + 1} of the run link, ${type}, is not a valid lab action${where}.` };
    }
    actions.push(parsed.data as LabAction);
  }
  return { ok: true, scenarioId, seed: run.data.seed, actions };
}
