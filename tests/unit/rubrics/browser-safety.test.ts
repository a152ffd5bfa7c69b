// The rubric editor scores answers in the browser, so the rules scorer and lib/rubrics must not pull a
// Node module into a client bundle. This walks the real import graph from the source files (type-only
// imports are erased by the compiler and skipped) and fails on node:*, Node built-ins and server-only.
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../../..");
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split("/")[0]!]));
const FORBIDDEN_PACKAGES = new Set(["server-only"]);

/** Every module specifier a file loads at run time. */
export function runtimeImports(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
  const found: string[] = [];
  // import X / { … } / * as X / X, { … }  and  export { … } / * / * as X, each followed by from "…".
  const clauseGrammar = String.raw`(\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?|[\w$]+(?:\s*,\s*(?:\{[^}]*\}|\*\s+as\s+[\w$]+))?)`;
  const statement = new RegExp(String.raw`\b(import|export)\s+(type\s+)?` + clauseGrammar + String.raw`\s*from\s*["']([^"']+)["']`, "g");
  for (const match of code.matchAll(statement)) {
    const [, , typeOnly, clause = "", specifier = ""] = match;
    if (typeOnly) continue;
    // import { type A, type B } from "x" is erased too when every name is a type.
    const names = /^\{([\s\S]*)\}$/.exec(clause.trim())?.[1];
    if (names !== undefined && names.split(",").map((name) => name.trim()).filter(Boolean).every((name) => name.startsWith("type "))) continue;
    found.push(specifier);
  }
  for (const match of code.matchAll(/(?:^|[;\n])\s*import\s*["']([^"']+)["']/g)) found.push(match[1]!);
  for (const match of code.matchAll(/\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push(match[1]!);
  return found;
}

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? join(root, specifier.slice(2)) : specifier.startsWith(".") ? resolve(dirname(from), specifier) : undefined;
  if (!base) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  throw new Error(`cannot resolve "${specifier}" from ${relative(root, from)}`);
}

interface Violation {
  file: string;
  specifier: string;
  chain: string[];
}

/** Walks the graph from `entry`; returns every forbidden import with the chain of files that led to it. */
export function nodeOnlyImports(entry: string): { files: string[]; violations: Violation[] } {
  const seen = new Map<string, string[]>();
  const violations: Violation[] = [];
  const queue: Array<{ file: string; chain: string[] }> = [{ file: resolve(root, entry), chain: [] }];
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    if (seen.has(file)) continue;
    const here = [...chain, relative(root, file)];
    seen.set(file, here);
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      const local = resolveLocal(file, specifier);
      if (local) {
        queue.push({ file: local, chain: here });
        continue;
      }
      const packageName = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!;
      if (specifier.startsWith("node:") || NODE_BUILTINS.has(packageName) || FORBIDDEN_PACKAGES.has(packageName)) {
        violations.push({ file: relative(root, file), specifier, chain: here });
      }
    }
  }
  return { files: [...seen.keys()].map((file) => relative(root, file)), violations };
}

const describeViolations = (violations: Violation[]) => violations.map((violation) => `${violation.chain.join(" → ")} imports "${violation.specifier}"`).join("\n");

describe("browser safety of the scorer and the rubric editor", () => {
  it.each(["lib/scoring/rules.ts", "lib/rubrics/index.ts"])("%s imports nothing Node-only, however deep", (entry) => {
    const { files, violations } = nodeOnlyImports(entry);
    expect(describeViolations(violations)).toBe("");
    // The walk really followed the graph: the scorer's own modules and the shared schema are in it.
    expect(files).toEqual(expect.arrayContaining(["lib/scoring/version.ts", "lib/scoring/normalise.ts", "lib/content/concept-pattern.ts"]));
  });

  it("lib/rubrics reaches the scorer, the schema and the frontmatter splitter", () => {
    const { files } = nodeOnlyImports("lib/rubrics/index.ts");
    expect(files).toEqual(expect.arrayContaining(["lib/scoring/rules.ts", "lib/scoring/agreement.ts", "lib/content/schema.ts", "lib/content/frontmatter.ts"]));
    expect(files).not.toContain("lib/scoring/calibration.ts"); // only its types are used
  });

  it("catches Node imports where they exist (the walker can fail)", () => {
    const calibration = nodeOnlyImports("lib/scoring/calibration.ts").violations.map((violation) => violation.specifier);
    expect(calibration).toEqual(expect.arrayContaining(["node:fs", "node:path"]));
    // Transitively: calibration → lib/content/load → node:crypto.
    expect(nodeOnlyImports("lib/scoring/calibration.ts").violations.some((violation) => violation.file === "lib/content/load.ts")).toBe(true);
  });

  it("reads import statements the way the compiler does", () => {
    const source = [
      'import { a } from "./a";',
      'import type { B } from "node:fs";',
      'import { type C, type D } from "node:path";',
      'import { type E, f } from "node:os";',
      "import {\n  g,\n  h,\n} from \"@/lib/g\";",
      'export { i } from "./i";',
      'export type { J } from "node:crypto";',
      'import "./side-effect";',
      'import * as all from "node:util";',
      'import React, { useState } from "react";',
      'export * from "./star";',
      'export function later() { return "x"; }',
      'import type Default from "node:vm";',
      'const lazy = await import("node:child_process");',
      '// import { k } from "node:fs";',
      '/* import { l } from "fs"; */',
    ].join("\n");
    expect(runtimeImports(source).sort()).toEqual(["./a", "./i", "./side-effect", "./star", "@/lib/g", "node:child_process", "node:os", "node:util", "react"].sort());
  });
});
