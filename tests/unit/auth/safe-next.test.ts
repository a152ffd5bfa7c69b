import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/auth/safe-next";

describe("safeNext", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNext("/history")).toBe("/history");
    expect(safeNext("/questions/kafka-transactions?mode=mock#answer")).toBe("/questions/kafka-transactions?mode=mock#answer");
    expect(safeNext("/instructor/questions/a%2Fb")).toBe("/instructor/questions/a%2Fb");
  });

  it.each([
    ["protocol-relative", "//evil.example/"],
    ["backslash (browsers read it as a slash)", "/\\evil.example/"],
    ["backslashes only", "\\\\evil.example"],
    ["tab inside the scheme-relative prefix", "/\t/evil.example"],
    ["newline inside the prefix", "/\n/evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["javascript: URL", "javascript:alert(1)"],
    ["relative path", "history"],
    ["empty", ""],
    ["a NUL byte", "/history\u0000"],
  ])("sends %s to the home page", (_name, value) => {
    expect(safeNext(value)).toBe("/");
  });

  it("handles a missing parameter", () => {
    expect(safeNext(null)).toBe("/");
    expect(safeNext(undefined)).toBe("/");
  });

  it("collapses dot segments without leaving the site", () => {
    expect(safeNext("/a/../../b")).toBe("/b");
    expect(safeNext("/./%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});
