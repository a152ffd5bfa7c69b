// Where to go after signing in. The `next` query parameter comes from a link anyone can craft, so only
// a path on this site is followed. Browsers treat "\" like "/" and drop tabs and newlines inside URLs,
// so "/\evil.example" and "/\t/evil.example" both mean "//evil.example": parse it the way a browser
// would and keep it only if it stays on the same origin.
const PROBE_ORIGIN = "https://offset.invalid";

export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.length > 2048) return "/";
  // Control characters and backslashes have no place in a path we generate; refuse rather than repair.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== PROBE_ORIGIN) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}
