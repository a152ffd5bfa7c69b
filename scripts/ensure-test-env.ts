// Runs before `npm test`: the e2e suite drives a real Chromium, which test tools cannot download on
// this network. Use CHROMIUM_PATH or Debian's package; install it with apt when we are allowed to.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
const found = CANDIDATES.find((path) => existsSync(path));

if (found) {
  process.exit(0);
}

const canApt = process.getuid?.() === 0 && spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (!canApt) {
  console.error(
    "The e2e tests need Chromium and none was found.\n" +
      "Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary, then run npm test again.",
  );
  process.exit(1);
}

console.log("Installing Debian's chromium for the e2e tests (apt-get, about 20 s)…");
try {
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
} catch {
  console.error("Installing chromium with apt-get failed; install it by hand (apt-get install -y chromium) and run npm test again.");
  process.exit(1);
}
