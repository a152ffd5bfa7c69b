// The instructor pages' one way to call the JSON API: a typed result instead of a thrown error, so
// every form can show the server's message (and the field or line it points at) next to the input.

/** The part of lib/rubrics' RubricIssue the pages show. */
export interface RubricIssueLike {
  message: string;
  path?: string;
  line?: number;
  column?: number;
}

export interface ApiProblem {
  code: string;
  message: string;
  status: number;
  field?: string;
  issues: RubricIssueLike[];
  details?: unknown;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiProblem };

const NETWORK_MESSAGE = "Offset could not be reached. Check your connection and try again; nothing was changed.";

export async function callApi<T>(url: string, init: { method?: "GET" | "POST" | "PUT" | "DELETE"; body?: unknown; signal?: AbortSignal } = {}): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? { accept: "application/json" } : { "content-type": "application/json", accept: "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: "no-store",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return { ok: false, error: { code: "network", message: NETWORK_MESSAGE, status: 0, issues: [] } };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, data: body as T };
  return { ok: false, error: problemFrom(response.status, body) };
}

function problemFrom(status: number, body: unknown): ApiProblem {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const details = error.details;
  const issues = isRecord(details) && Array.isArray(details.issues) ? details.issues.filter(isIssue) : [];
  return {
    code: typeof error.code === "string" ? error.code : "internal",
    message: typeof error.message === "string" ? error.message : `The server answered with status ${status}.`,
    status,
    field: typeof error.field === "string" ? error.field : undefined,
    issues,
    details,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isIssue(value: unknown): value is RubricIssueLike {
  return isRecord(value) && typeof value.message === "string";
}

/** "Line 12: …" when the problem has a place in the text; the message alone otherwise (it names the item). */
export function describeIssue(issue: RubricIssueLike): string {
  return issue.line ? `Line ${issue.line}: ${issue.message}` : issue.message;
}
