// Runs in the browser before the app. Zod 4 probes for eval with Function("") to compile faster
// parsers; the Content-Security-Policy forbids eval, so the probe only fires a violation report.
// Tell it up front not to try.
import { config } from "zod/v4/core";

config({ jitless: true });
