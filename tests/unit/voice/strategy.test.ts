import { describe, expect, it } from "vitest";
import { getSpeechRecognition, readSpeechResults, type SpeechResultLike } from "@/components/practice/voice-speech";
import {
  answerSourceFor,
  chooseVoiceStrategy,
  describeMicrophoneError,
  describeSpeechError,
  describeTranscribeFailure,
  formatClock,
  insertTranscript,
  type VoiceCapabilities,
} from "@/components/practice/voice-strategy";

const chrome: VoiceCapabilities = { serverTranscription: false, mediaRecorder: true, getUserMedia: true, speechRecognition: true, secureContext: true };
const firefox: VoiceCapabilities = { ...chrome, speechRecognition: false };

describe("chooseVoiceStrategy", () => {
  it("records for the server when a key is configured and the user is signed in", () => {
    expect(chooseVoiceStrategy({ ...chrome, serverTranscription: true })).toEqual({ kind: "server" });
    expect(chooseVoiceStrategy({ ...firefox, serverTranscription: true })).toEqual({ kind: "server" });
  });

  it("uses the browser's speech recognition otherwise", () => {
    expect(chooseVoiceStrategy(chrome)).toEqual({ kind: "browser" });
    // A key, but no way to record: speech recognition still works.
    expect(chooseVoiceStrategy({ ...chrome, serverTranscription: true, mediaRecorder: false })).toEqual({ kind: "browser" });
  });

  it("explains why voice is off when nothing is available", () => {
    const none = chooseVoiceStrategy(firefox);
    expect(none.kind).toBe("none");
    expect(none.kind === "none" && none.reason).toMatch(/no speech recognition.*Type your answer/);
    const signIn = chooseVoiceStrategy({ ...firefox, signInForTranscription: true });
    expect(signIn.kind === "none" && signIn.reason).toMatch(/Sign in to record/);
    const noRecorder = chooseVoiceStrategy({ ...firefox, serverTranscription: true, mediaRecorder: false });
    expect(noRecorder.kind === "none" && noRecorder.reason).toMatch(/cannot record audio/);
    const insecure = chooseVoiceStrategy({ ...chrome, serverTranscription: true, secureContext: false });
    expect(insecure.kind === "none" && insecure.reason).toMatch(/secure connection/);
  });
});

describe("insertTranscript", () => {
  it("appends at the end with a space, when the caret was never placed", () => {
    expect(insertTranscript("Kafka is a log.", "partitions scale reads")).toEqual({
      value: "Kafka is a log. Partitions scale reads",
      cursor: 38,
      inserted: "Partitions scale reads",
    });
  });

  it("starts an empty answer with a capital", () => {
    expect(insertTranscript("", "  kafka   keeps offsets ").value).toBe("Kafka keeps offsets");
  });

  it("inserts at the caret, with spaces on both sides where words would touch", () => {
    const value = "Producers send. Consumers read.";
    const caret = value.indexOf(" Consumers");
    const result = insertTranscript(value, "brokers store", { start: caret, end: caret });
    expect(result.value).toBe("Producers send. Brokers store Consumers read.");
    expect(result.value.slice(0, result.cursor)).toBe("Producers send. Brokers store");
  });

  it("does not capitalise in the middle of a sentence, nor add a space before punctuation", () => {
    const value = "Kafka uses , for scale.";
    const at = value.indexOf(" ,");
    expect(insertTranscript(value, "partitions", { start: at, end: at }).value).toBe("Kafka uses partitions , for scale.");
    expect(insertTranscript("Kafka uses ", "partitions").value).toBe("Kafka uses partitions");
    const before = "Kafka uses";
    expect(insertTranscript(`${before}.`, "partitions", { start: before.length, end: before.length }).value).toBe("Kafka uses partitions.");
  });

  it("replaces a selection", () => {
    const value = "acks equals one is safest";
    const start = value.indexOf("one");
    expect(insertTranscript(value, "all", { start, end: start + 3 }).value).toBe("acks equals all is safest");
  });

  it("starts a new paragraph with a capital and clamps a stale caret", () => {
    expect(insertTranscript("First point.\n\n", "second point").value).toBe("First point.\n\nSecond point");
    expect(insertTranscript("abc", "def", { start: 99, end: 120 }).value).toBe("abc def");
  });

  it("leaves the text alone for an empty transcript", () => {
    expect(insertTranscript("Kafka.", "   ")).toEqual({ value: "Kafka.", cursor: 6, inserted: "" });
  });
});

describe("answerSourceFor", () => {
  it("marks an answer mostly spoken as voice", () => {
    expect(answerSourceFor("a".repeat(100), 60)).toBe("voice");
    expect(answerSourceFor("a".repeat(100), 50)).toBe("voice");
    expect(answerSourceFor("a".repeat(100), 49)).toBe("typed");
    expect(answerSourceFor("typed only", 0)).toBe("typed");
    expect(answerSourceFor("   ", 10)).toBe("typed");
  });
});

describe("messages", () => {
  it("formats the recording clock", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(75.9)).toBe("1:15");
    expect(formatClock(600)).toBe("10:00");
  });

  it("says what to do about microphone and speech errors", () => {
    expect(describeMicrophoneError("NotAllowedError")).toMatch(/blocked.*address bar/);
    expect(describeMicrophoneError("NotFoundError")).toMatch(/No microphone/);
    expect(describeMicrophoneError(undefined)).toMatch(/could not be started/);
    expect(describeSpeechError("aborted")).toBeNull();
    expect(describeSpeechError("no-speech")).toMatchObject({ fatal: false });
    expect(describeSpeechError("not-allowed")).toMatchObject({ fatal: true });
    expect(describeSpeechError("network")?.message).toMatch(/online service/);
  });

  it("prefers the server's message for a failed transcription", () => {
    expect(describeTranscribeFailure(429, { error: { code: "rate_limited", message: "Again in 12 min." } })).toBe("Again in 12 min.");
    expect(describeTranscribeFailure(502, null)).toMatch(/unavailable right now — type your answer or try again/);
    expect(describeTranscribeFailure(413, "not json")).toMatch(/too large/);
    expect(describeTranscribeFailure(401, {})).toMatch(/Sign in again/);
  });
});

describe("speech recognition helpers", () => {
  const result = (transcript: string, isFinal: boolean): SpeechResultLike => ({ isFinal, length: 1, 0: { transcript, confidence: 0.9 } });

  it("splits final phrases from words still being heard, from resultIndex on", () => {
    const results = { length: 4, 0: result("already handled", true), 1: result(" consumers pull", true), 2: result(" from the", false), 3: result(" broker", false) };
    expect(readSpeechResults({ resultIndex: 1, results })).toEqual({ finals: ["consumers pull"], interim: "from the broker" });
  });

  it("finds the prefixed constructor", () => {
    class Fake {}
    expect(getSpeechRecognition({})).toBeNull();
    expect(getSpeechRecognition({ webkitSpeechRecognition: Fake })).toBe(Fake);
    expect(getSpeechRecognition({ SpeechRecognition: Fake, webkitSpeechRecognition: class Other {} })).toBe(Fake);
  });
});
