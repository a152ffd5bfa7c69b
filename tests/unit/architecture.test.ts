// The shape of lib/, checked the way the compiler sees it: TypeScript's own pre-processor lists each
// file's imports and its module resolver follows them (the "@/…" alias included), so a rename or a new
// import that closes a loop fails here, not in a reviewer's head.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DEMO_SCENARIOS } from "@/lib/demos/catalog";

const ROOT = process.cwd();
const LIB = join(ROOT, "lib");
const GENERATED = join(LIB, "db", "generated");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === GENERATED) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
const host = ts.createCompilerHost(config.options);

/** Each lib file's imports that land in the project (not node_modules), type-only ones included: they tie modules together too. */
function projectImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return importedFiles.flatMap(({ fileName }) => {
    const resolved = ts.resolveModuleName(fileName, file, config.options, host).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) return [];
    return [resolved.resolvedFileName];
  });
}

const files = sourceFiles(LIB);
const graph = new Map(files.map((file) => [file, projectImports(file)]));

/** Every cycle among lib files, each reported once as "a → b → a". */
function cycles(): string[] {
  const found = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") {
        const loop = stack.slice(stack.indexOf(next)).map((path) => relative(ROOT, path));
        found.add([...loop, loop[0]].join(" → "));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return [...found];
}

describe("lib/", () => {
  it("reads every file's imports (the alias resolves)", () => {
    expect(files.length).toBeGreaterThan(100);
    const scoring = join(LIB, "scoring", "rules.ts");
    expect(graph.get(scoring)).toContain(join(LIB, "scoring", "normalise.ts"));
    // An "@/…" import resolves to the file it names.
    expect(graph.get(join(LIB, "db", "attempts.ts"))).toContain(join(LIB, "ids.ts"));
  });

  it("has no import cycle", () => {
    expect(cycles()).toEqual([]);
  });

  it("never imports from components/ or app/: domain logic stays framework-free", () => {
    const outward = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => /^(components|app)\//.test(relative(ROOT, target))).map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`),
    );
    expect(outward).toEqual([]);
  });

  it("writes each demo scenario's id in exactly one file: one definition per scenario", () => {
    const texts = files.map((file) => [relative(ROOT, file), readFileSync(file, "utf8")] as const);
    const places = Object.fromEntries(DEMO_SCENARIOS.map(({ id }) => [id, texts.filter(([, text]) => text.includes(`"${id}"`)).map(([path]) => path)]));
    expect(Object.values(places).every((paths) => paths.length === 1), JSON.stringify(places, null, 1)).toBe(true);
  });
});
