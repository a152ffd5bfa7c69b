// Decides whether `npm start` must run `next build`: a fingerprint of every build input (path, size,
// mtime) is stored next to the build and compared on start. Content is read at run time, so
// editing a question never needs a rebuild.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const INPUT_DIRS = ["app", "components", "lib"];
const INPUT_FILES = ["next.config.js", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "postcss.config.mjs", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"];
const SKIP = /(^|\/)(generated|node_modules)(\/|$)/;

export function buildFingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        const child = join(path, name);
        if (!SKIP.test(relative(root, child))) visit(child);
      }
    } else {
      hash.update(`${relative(root, path)}:${stat.size}:${Math.trunc(stat.mtimeMs)}\n`);
    }
  };
  for (const entry of [...INPUT_DIRS, ...INPUT_FILES]) {
    const path = join(root, entry);
    if (existsSync(path)) visit(path);
  }
  return hash.digest("hex");
}

const distDir = (root: string) => join(root, process.env.OFFSET_DIST_DIR || ".next");
const stampFile = (root: string) => join(distDir(root), "offset-build-fingerprint");

export function isBuildCurrent(root: string): boolean {
  const stamp = stampFile(root);
  if (!existsSync(join(distDir(root), "BUILD_ID")) || !existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === buildFingerprint(root);
}

export function recordBuild(root: string) {
  writeFileSync(stampFile(root), buildFingerprint(root));
}
