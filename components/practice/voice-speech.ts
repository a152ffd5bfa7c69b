// The Web Speech API's recognition interface, typed for the parts Offset uses (TypeScript's DOM
// library does not declare it), and how to find it: Chrome, Edge and Safari ship it prefixed.

export interface SpeechAlternativeLike {
  readonly transcript: string;
  readonly confidence: number;
}

export interface SpeechResultLike {
  readonly isFinal: boolean;
  readonly length: number;
  readonly [index: number]: SpeechAlternativeLike | undefined;
}

export interface SpeechResultListLike {
  readonly length: number;
  readonly [index: number]: SpeechResultLike | undefined;
}

export interface SpeechRecognitionEventLike extends Event {
  readonly resultIndex: number;
  readonly results: SpeechResultListLike;
}

export interface SpeechRecognitionErrorEventLike extends Event {
  readonly error: string;
  readonly message?: string;
}

export interface SpeechRecognitionLike extends EventTarget {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  maxAlternatives: number;
  onresult: ((event: SpeechRecognitionEventLike) => void) | null;
  onerror: ((event: SpeechRecognitionErrorEventLike) => void) | null;
  onend: ((event: Event) => void) | null;
  onstart: ((event: Event) => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

export type SpeechRecognitionConstructor = new () => SpeechRecognitionLike;

export function getSpeechRecognition(scope: object = globalThis): SpeechRecognitionConstructor | null {
  const candidate = (scope as { SpeechRecognition?: unknown; webkitSpeechRecognition?: unknown }).SpeechRecognition ??
    (scope as { webkitSpeechRecognition?: unknown }).webkitSpeechRecognition;
  return typeof candidate === "function" ? (candidate as SpeechRecognitionConstructor) : null;
}

/** Splits the results of one event into newly final text and the words still being heard. */
export function readSpeechResults(event: Pick<SpeechRecognitionEventLike, "resultIndex" | "results">): { finals: string[]; interim: string } {
  const finals: string[] = [];
  let interim = "";
  for (let i = event.resultIndex; i < event.results.length; i++) {
    const result = event.results[i];
    const transcript = result?.[0]?.transcript ?? "";
    if (!result || !transcript.trim()) continue;
    if (result.isFinal) finals.push(transcript.trim());
    else interim += transcript;
  }
  return { finals, interim: interim.replace(/\s+/g, " ").trim() };
}
