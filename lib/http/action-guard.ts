// Server actions are POSTs Next decodes itself; a call from another site, an oversized body or a
// body that is not what React's client sends made Next throw, which answered 500. proxy.ts runs this
// first, so those calls get a 4xx that says what is wrong.
export const MAX_ACTION_BODY_BYTES = 1024 * 1024; // Next's default serverActions.bodySizeLimit

export interface ActionCall {
  method: string;
  headers: Headers;
  /** Reads the body (a clone); only called when the headers pass. */
  readBody: () => Promise<string>;
}

export interface ActionRefusal {
  status: 400 | 403 | 413;
  message: string;
}

export function isServerActionCall(method: string, headers: Headers): boolean {
  return method === "POST" && headers.has("next-action");
}

export async function checkServerActionCall({ method, headers, readBody }: ActionCall): Promise<ActionRefusal | null> {
  if (!isServerActionCall(method, headers)) return null;
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (origin && origin !== "null") {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      return { status: 403, message: "The request's Origin header is not a valid URL." };
    }
    if (originHost !== host) return { status: 403, message: `Server actions cannot be called from ${origin}.` };
  }
  const declared = Number(headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY_BYTES) return tooLarge();
  const type = (headers.get("content-type") ?? "").toLowerCase();
  // React's client sends either FormData (multipart) or its reply encoding as text/plain JSON.
  if (type.startsWith("multipart/form-data")) return null;
  if (!type.startsWith("text/plain")) return { status: 400, message: `A server action body must be text/plain or multipart/form-data, not "${type || "none"}".` };
  const body = await readBody();
  if (new TextEncoder().encode(body).byteLength > MAX_ACTION_BODY_BYTES) return tooLarge();
  try {
    JSON.parse(body);
  } catch {
    return { status: 400, message: "The server action's arguments are not valid JSON." };
  }
  return null;
}

function tooLarge(): ActionRefusal {
  return { status: 413, message: `A server action's arguments are limited to ${MAX_ACTION_BODY_BYTES / 1024 / 1024} MB.` };
}
