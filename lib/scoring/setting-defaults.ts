// Claims about a setting's default, checked by value. A candidate who believes session.timeout.ms is 10 s or that
// Kafka keeps data for a day can say so in endless ways, and no list of wrong values keeps up; but the true default
// is one fact. So a catalogue claim with a `setting` block (lib/content/claims.ts) is charged whenever a sentence
// states a default for that setting and the stated value is not the real one.
//
// "States a default" is read narrowly, because a false charge on a correct answer costs more than a missed one:
// the setting's name, the word default (defaults to / by default / out of the box) right next to a value, and no
// sign that the sentence speaks of the past, of changing the setting, or denies it. The value must be of the
// setting's kind (a size said of a duration setting is about something else) and is compared after units are
// brought to one scale ("7 days" = "168 hours" = "604800000").
import type { AnalysedText, Token } from "./normalise";
import { analyseText } from "./normalise";
import type { NegationInfo } from "./negation";

/** A claim's `setting` block (lib/content/claims.ts settingSchema), as far as the check needs it. */
export interface SettingDefault {
  names: string[];
  default: string;
  values?: string[];
  except?: string[];
}

/** What compileSettings reads of a catalogue claim. */
interface SettingClaim {
  track: string;
  setting?: SettingDefault;
}

type BareUnit = { kind: "duration"; factor: number } | { kind: "size"; factor: number } | undefined;

export type SettingValue =
  | { kind: "duration"; ms: number }
  | { kind: "size"; bytes: number }
  | { kind: "count"; n: number }
  | { kind: "switch"; on: boolean }
  | { kind: "unlimited" }
  | { kind: "word"; words: string };

/** The dimension a setting's values live in; a stated value of another dimension is about something else. */
type Dimension = "duration" | "size" | "count" | "switch" | "word";

export interface CompiledSetting {
  /** Index of the claim in the catalogue (and of its CompiledItem). */
  claimIndex: number;
  /** Each name's words, and the unit a bare number after it is read in ("….ms" → ms; none → a count). */
  names: Array<{ words: string[]; bareUnit: BareUnit }>;
  dimension: Dimension;
  truth: SettingValue;
  /** Word values the setting accepts (normalised, space-joined). */
  words: Set<string>;
  /** Phrases that put a sentence in another context, where the setting has another default ("kafka streams"). */
  except: string[][];
}

export interface SettingHit {
  setting: CompiledSetting;
  sentence: number;
  /** Token ranges (end exclusive) of the name and of the stated value. */
  name: { start: number; end: number };
  value: { start: number; end: number };
}

const MS = { ms: 1, millisecond: 1, milliseconds: 1, msec: 1, msecs: 1, millis: 1, s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000, h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000, d: 86_400_000, day: 86_400_000, days: 86_400_000, week: 604_800_000, weeks: 604_800_000 } as Record<string, number>;
const BYTES = { b: 1, byte: 1, bytes: 1, kb: 1024, kib: 1024, kbyte: 1024, kilobyte: 1024, kilobytes: 1024, mb: 1024 ** 2, mib: 1024 ** 2, meg: 1024 ** 2, megs: 1024 ** 2, megabyte: 1024 ** 2, megabytes: 1024 ** 2, gb: 1024 ** 3, gib: 1024 ** 3, gig: 1024 ** 3, gigs: 1024 ** 3, gigabyte: 1024 ** 3, gigabytes: 1024 ** 3, tb: 1024 ** 4, tib: 1024 ** 4, terabyte: 1024 ** 4, terabytes: 1024 ** 4 } as Record<string, number>;
const ON = new Set(["true", "on", "enabled", "enable", "active", "yes"]);
const OFF = new Set(["false", "off", "disabled", "disable", "inactive"]);
const UNLIMITED = new Set(["unlimited", "infinite", "infinity", "unbounded", "forever", "indefinitely", "indefinite"]);
const NUMBER_RE = /^-?\d+(?:\.\d+)?$/;

/** Words that may sit between a setting's name, the word default and the value ("the default for X is 45 s"). */
const CONNECTORS = new Set(["to", "is", "of", "at", "for", "its", "it", "the", "a", "an", "value", "setting", "be", "being", "are", "number", "sits", "stays", "equals", "which", "that", "just", "only", "about", "around", "roughly", "approximately", "approx", "some", "like", "kafka", "kafkas", "topic", "topics", "broker", "brokers", "consumer", "consumers", "producer", "producers", "client", "clients", "flink", "spark", "streams", "keeps", "keep", "retains", "data", "messages", "records", "per", "partition", "in", "on", "with", "s"]);
/** Words between a value and a following "default" ("45 s by default", "500 records, the default"). */
const AFTER_VALUE = new Set(["by", "is", "the", "as", "a", "its", "being", "messages", "records", "per", "partition", "which", "that", "s"]);
/** The sentence speaks of another version or time: what it says was the default may well have been. */
const PAST = new Set(["was", "were", "used", "before", "prior", "older", "pre", "previously", "earlier", "legacy", "originally", "historically", "formerly", "zookeeper"]);
/** Words this far around a statement of a default that speak of the past count (see PAST). */
const PAST_REACH = 6;
/**
 * Systems that set their own defaults for Kafka's settings (Kafka Streams' producers linger 100 ms, Spark's Kafka
 * source turns auto-commit off, Kinesis keeps data a day): a sentence naming one is not about Kafka's own default.
 */
const OTHER_SYSTEMS = ["streams", "spark", "flink", "kinesis", "pulsar", "rabbitmq", "redpanda", "msk", "confluent cloud", "event hubs", "connect"];
/** "set / change / raise … the default to V" speaks of a new value, not the default. */
const CHANGE = new Set(["set", "sets", "setting", "change", "changes", "changing", "changed", "raise", "raising", "raised", "lower", "lowering", "lowered", "bump", "bumped", "bumping", "increase", "increasing", "increased", "decrease", "decreasing", "reduce", "reducing", "reduced", "drop", "dropping", "override", "overriding", "overridden", "tune", "tuning", "cut", "shrink", "extend", "extending", "move", "moving", "make", "making", "configure", "configuring", "tweak", "adjust", "adjusting"]);
const APPROXIMATE = new Set(["about", "around", "roughly", "approximately", "approx", "like", "some", "ish"]);

/** Parses a table value ("45 s", "16 KiB", "true", "unlimited", "500", a word). Throws with a reason on nonsense. */
export function parseSettingDefault(setting: SettingDefault, key: string): { truth: SettingValue; dimension: Dimension; bareUnit: BareUnit; words: Set<string> } {
  const bareUnit = unitOfKey(key);
  const words = new Set((setting.values ?? []).map((value) => normalised(value)));
  const raw = setting.default.trim();
  const tokens = normalisedTokens(raw);
  const parsed = readValue(tokens, 0, bareUnit, words, true);
  if (!parsed || parsed.end !== tokens.length) throw new Error(`default "${raw}" is not a duration, size, number, true/false, "unlimited" or one of values`);
  const truth = parsed.value;
  if (truth.kind === "word" && !words.has(truth.words)) throw new Error(`default "${raw}" is not one of values (${[...words].join(", ")})`);
  const dimension: Dimension = truth.kind === "unlimited" ? (bareUnit?.kind ?? "count") : truth.kind === "switch" ? "switch" : truth.kind;
  return { truth, dimension, bareUnit, words };
}

/** The setting claims of a catalogue, compiled; `claimIndex` is the claim's index in the catalogue and its compiled items. */
export function compileSettings(claims: readonly SettingClaim[]): CompiledSetting[] {
  const compiled: CompiledSetting[] = [];
  claims.forEach((claim, claimIndex) => {
    if (!claim.setting) return;
    const key = claim.setting.names[0]!;
    try {
      const { truth, dimension, words } = parseSettingDefault(claim.setting, key);
      const names = claim.setting.names.map((name) => ({ words: normalisedTokens(name), bareUnit: unitOfKey(name) })).filter((name) => name.words.length > 0);
      const except = [...(claim.setting.except ?? []), ...(claim.track === "kafka" ? OTHER_SYSTEMS : [])];
      compiled.push({ claimIndex, names, dimension, truth, words, except: except.map(normalisedTokens).filter((phrase) => phrase.length > 0) });
    } catch {
      // Reported by the content check (lib/content/claims.ts); an unreadable entry charges nothing.
    }
  });
  return compiled;
}

function unitOfKey(key: string): BareUnit {
  const last = normalisedTokens(key).at(-1);
  if (last === "ms") return { kind: "duration", factor: 1 };
  if (last === "seconds") return { kind: "duration", factor: 1000 };
  if (last === "minutes") return { kind: "duration", factor: 60_000 };
  if (last === "hours") return { kind: "duration", factor: 3_600_000 };
  if (last === "bytes") return { kind: "size", factor: 1 };
  return undefined;
}

function normalisedTokens(text: string): string[] {
  return analyseText(text).tokens.map((token) => token.n);
}
const normalised = (text: string) => normalisedTokens(text).join(" ");

/**
 * Reads a value starting at token `i` of `words`: a number with an optional unit, "a day", a switch word,
 * an unlimited word, or one of the setting's word values. `end` is exclusive.
 */
function readValue(words: readonly string[], i: number, bareUnit: BareUnit, wordValues: Set<string>, table = false): { value: SettingValue; end: number } | undefined {
  const word = words[i];
  if (word === undefined) return undefined;
  for (const candidate of wordValues) {
    const parts = candidate.split(" ");
    if (parts.every((part, k) => words[i + k] === part)) return { value: { kind: "word", words: candidate }, end: i + parts.length };
  }
  if (word === "no" && (words[i + 1] === "limit" || words[i + 1] === "cap")) return { value: { kind: "unlimited" }, end: i + 2 };
  if (UNLIMITED.has(word) || (word === "-1" && (bareUnit || table))) return { value: { kind: "unlimited" }, end: i + 1 };
  if (ON.has(word)) return { value: { kind: "switch", on: true }, end: i + 1 };
  if (OFF.has(word)) return { value: { kind: "switch", on: false }, end: i + 1 };
  if ((word === "a" || word === "an") && words[i + 1] && MS[words[i + 1]!] && words[i + 1]!.length > 2) {
    return { value: { kind: "duration", ms: MS[words[i + 1]!]! }, end: i + 2 };
  }
  if (!NUMBER_RE.test(word)) return undefined;
  const number = Number(word);
  const unit = words[i + 1];
  if (unit !== undefined && MS[unit] !== undefined) return { value: { kind: "duration", ms: number * MS[unit]! }, end: i + 2 };
  if (unit !== undefined && BYTES[unit] !== undefined) return { value: { kind: "size", bytes: number * BYTES[unit]! }, end: i + 2 };
  if (bareUnit?.kind === "duration") return { value: { kind: "duration", ms: number * bareUnit.factor }, end: i + 1 };
  if (bareUnit?.kind === "size") return { value: { kind: "size", bytes: number * bareUnit.factor }, end: i + 1 };
  return { value: { kind: "count", n: number }, end: i + 1 };
}

function dimensionOf(value: SettingValue): Dimension | "unlimited" {
  return value.kind === "unlimited" ? "unlimited" : value.kind === "switch" ? "switch" : value.kind;
}

/** Whether a stated value is the true default; undefined when it is not a value of this setting at all. */
export function agrees(setting: CompiledSetting, stated: SettingValue, approximate: boolean): boolean | undefined {
  const { truth } = setting;
  const dimension = dimensionOf(stated);
  if (dimension !== "unlimited" && dimension !== setting.dimension) return undefined;
  if (stated.kind === "unlimited" || truth.kind === "unlimited") return stated.kind === truth.kind;
  const tolerance = approximate ? 0.25 : 0;
  const close = (a: number, b: number, slack: number) => Math.abs(a - b) <= Math.max(slack, tolerance) * Math.abs(b);
  if (stated.kind === "duration" && truth.kind === "duration") return close(stated.ms, truth.ms, 0.001);
  // A candidate's "1 GB" for 1 GiB, or "16 KB" for 16,384 bytes: decimal and binary units both count.
  if (stated.kind === "size" && truth.kind === "size") return close(stated.bytes, truth.bytes, 0.08);
  if (stated.kind === "count" && truth.kind === "count") return close(stated.n, truth.n, 0);
  if (stated.kind === "switch" && truth.kind === "switch") return stated.on === truth.on;
  if (stated.kind === "word" && truth.kind === "word") return stated.words === truth.words;
  return undefined;
}

interface Span {
  start: number;
  end: number;
}

/**
 * Where "default" is said: the token range of "default(s)", "by default" or "out of the box". `verb` marks
 * "defaults to" / "defaulted to", which can only be followed by the value.
 */
function defaultCues(tokens: readonly Token[], first: number, end: number): Array<Span & { verb: boolean }> {
  const cues: Array<Span & { verb: boolean }> = [];
  for (let i = first; i < end; i++) {
    const n = tokens[i]!.n;
    if (n === "default" || n === "defaults" || n === "defaulted") {
      const by = i > first && tokens[i - 1]!.n === "by";
      cues.push({ start: by ? i - 1 : i, end: i + 1, verb: (n === "defaults" || n === "defaulted") && tokens[i + 1]?.n === "to" });
    } else if (n === "out" && tokens[i + 1]?.n === "of" && tokens[i + 2]?.n === "the" && tokens[i + 3]?.n === "box") {
      cues.push({ start: i, end: i + 4, verb: false });
    }
  }
  return cues;
}

/** Setting names in a sentence, the longest at each position (every setting that shares it: their kinds differ). */
function namesIn(analysed: AnalysedText, first: number, end: number, settings: readonly CompiledSetting[]): NameSpan[] {
  const { tokens, text } = analysed;
  const found: NameSpan[] = [];
  for (let i = first; i < end; i++) {
    let longest = 0;
    const here: NameSpan[] = [];
    for (const setting of settings) {
      for (const name of setting.names) {
        const length = name.words.length;
        if (i + length > end || length < longest) continue;
        let k = 0;
        while (k < length && tokens[i + k]!.n === name.words[k]) k++;
        if (k !== length) continue;
        if (length > longest) here.length = 0;
        longest = length;
        here.push({ start: i, end: i + length, setting, bareUnit: name.bareUnit });
      }
    }
    if (longest > 0) {
      // "local.retention.ms" is not retention.ms: a name glued to more of a dotted key is part of another key.
      const before = text[tokens[i]!.start - 1];
      const after = text.slice(tokens[i + longest - 1]!.end, tokens[i + longest - 1]!.end + 2);
      if (before !== "." && before !== "_" && !/^[._-][a-z0-9]/i.test(after)) found.push(...here);
      i += longest - 1;
    }
  }
  return found;
}

interface NameSpan extends Span {
  setting: CompiledSetting;
  bareUnit: BareUnit;
}

/** Every token in [from, to) is a connector or part of a setting name. */
function onlyConnectors(tokens: readonly Token[], from: number, to: number, allowed: Set<string>, names: readonly Span[], limit: number): boolean {
  let plain = 0;
  for (let j = from; j < to; j++) {
    if (names.some((name) => j >= name.start && j < name.end)) continue;
    if (!allowed.has(tokens[j]!.n)) return false;
    if (++plain > limit) return false;
  }
  return true;
}

/** The stated defaults in `analysed` that disagree with the table. */
export function wrongDefaults(analysed: AnalysedText, negation: NegationInfo, usable: Uint8Array, settings: readonly CompiledSetting[]): SettingHit[] {
  if (settings.length === 0) return [];
  const { tokens } = analysed;
  const hits: SettingHit[] = [];
  for (const sentence of analysed.sentences) {
    if (sentence.question) continue;
    const cues = defaultCues(tokens, sentence.firstToken, sentence.endToken);
    if (cues.length === 0) continue;
    const names = namesIn(analysed, sentence.firstToken, sentence.endToken, settings);
    if (names.length === 0) continue;
    const words: string[] = [];
    for (let j = sentence.firstToken; j < sentence.endToken; j++) words.push(tokens[j]!.n);
    const charged = new Set<CompiledSetting>();
    for (const cue of cues) {
      for (const name of names) {
        if (charged.has(name.setting)) continue;
        const value = statedValue(tokens, words, cue, name, sentence.firstToken, sentence.endToken);
        if (!value) continue;
        const from = Math.min(name.start, cue.start, value.start);
        const to = Math.max(name.end, cue.end, value.end);
        if (crossesBreak(tokens, from, to, cue, value)) continue;
        if (name.setting.except.length > 0 && mentionsAny(tokens, sentence.firstToken, sentence.endToken, name.setting.except)) continue;
        if (!usableSpan(usable, from, to) || deniedOrPast(tokens, negation, sentence.firstToken, from, to, value)) continue;
        if (changesSetting(tokens, from, value.start, cue)) continue;
        const approximate = value.start > 0 && APPROXIMATE.has(tokens[value.start - 1]!.n);
        if (agrees(name.setting, value.value, approximate) !== false) continue;
        charged.add(name.setting);
        hits.push({ setting: name.setting, sentence: sentence.index, name: { start: name.start, end: name.end }, value: { start: value.start, end: value.end } });
      }
    }
  }
  return hits;
}

/**
 * The value the sentence gives as `name`'s default at `cue`, when the words between them allow that reading. `words`
 * are the sentence's normalised words, from token `first`.
 */
function statedValue(tokens: readonly Token[], words: readonly string[], cue: Span & { verb: boolean }, name: NameSpan, first: number, end: number): ({ value: SettingValue } & Span) | undefined {
  const { setting } = name;
  const read = (i: number) => (i >= first && i < end ? readValue(words, i - first, name.bareUnit, setting.words) : undefined);
  // "K defaults to V", "K default is V", "the default K is V", "default for K: V", "by default K is V". A "by
  // default" that closes a clause ("idempotence is on by default, setting acks=1 …") looks back, never forward.
  // Likewise "idempotence is the default, acks=1 …". Only a cue that opens its clause reads on past a comma.
  const opensClause = cue.start === first || tokens[cue.start - 1]!.clause !== tokens[cue.start]!.clause;
  const closesClause =
    (tokens[cue.start]!.n === "by" && !opensClause) || (cue.end < end && tokens[cue.end]!.clause !== tokens[cue.start]!.clause && !opensClause);
  for (let i = cue.end; i < Math.min(end, cue.end + 8) && !closesClause; i++) {
    // Only the words right after the cue may open a new clause ("By default, K is V").
    if (i > cue.end && tokens[i]!.clause !== tokens[cue.end]!.clause) break;
    // A name ending in a value word ("mini-batch.enabled") is a name, not a value.
    if (i >= name.start && i < name.end) continue;
    const value = read(i);
    if (!value) continue;
    // The name sits before the cue, or between the cue and the value.
    const nameBefore = name.end <= cue.start && onlyConnectors(tokens, name.end, cue.start, CONNECTORS, [], 4);
    const nameBetween = name.start >= cue.end && name.end <= i;
    if (!(nameBefore || nameBetween)) break;
    if (!onlyConnectors(tokens, cue.end, i, CONNECTORS, [name], 3)) break;
    return { value: value.value, start: i, end: first + value.end };
  }
  if (cue.verb) return undefined;
  // "K is V by default", "K (V by default)", "K = V out of the box", "K, which is V by default", "V is the default K".
  for (let i = cue.start - 1; i >= Math.max(first, cue.start - 6); i--) {
    // "K=V (the default is W)": a value in another clause is not the one the cue speaks of.
    if (tokens[i]!.clause !== tokens[cue.start]!.clause) break;
    const value = read(i);
    if (!value || first + value.end > cue.start) continue;
    if (!onlyConnectors(tokens, first + value.end, cue.start, AFTER_VALUE, [], 3)) continue;
    const nameBefore = name.end <= i && onlyConnectors(tokens, name.end, i, CONNECTORS, [], 4);
    const nameAfter = name.start >= cue.end && onlyConnectors(tokens, cue.end, name.start, CONNECTORS, [], 2);
    if (!(nameBefore || nameAfter)) return undefined;
    return { value: value.value, start: i, end: first + value.end };
  }
  return undefined;
}

/**
 * A statement of a default lies within one clause: "isolation.level=read_committed; the default is read_uncommitted"
 * gives no default for the key before the semicolon. "(default: 45 s)" keeps its colon.
 */
function crossesBreak(tokens: readonly Token[], from: number, to: number, cue: Span, value: Span): boolean {
  for (let j = from + 1; j < to; j++) {
    if (!tokens[j]!.strongBreak) continue;
    if (j === value.start && j === cue.end) continue;
    return true;
  }
  return false;
}

function mentionsAny(tokens: readonly Token[], first: number, end: number, phrases: readonly string[][]): boolean {
  for (let i = first; i < end; i++) {
    for (const phrase of phrases) {
      if (i + phrase.length > end) continue;
      let k = 0;
      while (k < phrase.length && tokens[i + k]!.n === phrase[k]) k++;
      if (k === phrase.length) return true;
    }
  }
  return false;
}

/** "frameworks set auto commit to false by default": who sets it, and to what, is not Kafka's own default. */
function changesSetting(tokens: readonly Token[], from: number, valueStart: number, cue: Span): boolean {
  for (let j = Math.max(0, from - 3); j < valueStart; j++) {
    if (j >= cue.start && j < cue.end) continue;
    if (CHANGE.has(tokens[j]!.n) && tokens[j]!.sentence === tokens[valueStart]!.sentence) return true;
  }
  return false;
}

function usableSpan(usable: Uint8Array, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (!usable[j]) return false;
  return true;
}

/** A negation in or just before the statement, or a sign that it speaks of another version or time. */
function deniedOrPast(tokens: readonly Token[], negation: NegationInfo, first: number, from: number, to: number, value: Span): boolean {
  for (let j = Math.max(first, from - 4); j < to; j++) {
    if (j >= value.start && j < value.end) continue;
    if (negation.cue[j] || negation.sentential[j]) return true;
  }
  const sentence = tokens[from]!.sentence;
  for (let j = Math.max(first, from - PAST_REACH); j < Math.min(tokens.length, to + PAST_REACH) && tokens[j]!.sentence === sentence; j++) {
    if (PAST.has(tokens[j]!.n)) return true;
  }
  return false;
}
