import { describe, expect, it } from "vitest";
import { plural, pluralGrouped } from "@/lib/format/text";

describe("plural", () => {
  it("adds an s unless the count is exactly one", () => {
    expect(plural(0, "record")).toBe("0 records");
    expect(plural(1, "record")).toBe("1 record");
    expect(plural(2, "record")).toBe("2 records");
    expect(plural(-1, "record")).toBe("-1 records");
  });

  it("takes an irregular plural", () => {
    expect(plural(1, "copy", "copies")).toBe("1 copy");
    expect(plural(3, "copy", "copies")).toBe("3 copies");
  });
});

describe("pluralGrouped", () => {
  it("groups the count in thousands and picks the word like plural", () => {
    expect(pluralGrouped(1, "attempt")).toBe("1 attempt");
    expect(pluralGrouped(0, "attempt")).toBe("0 attempts");
    expect(pluralGrouped(999, "attempt")).toBe("999 attempts");
    expect(pluralGrouped(12_500, "attempt")).toBe("12,500 attempts");
    expect(pluralGrouped(1_000_000, "copy", "copies")).toBe("1,000,000 copies");
    expect(plural(12_500, "attempt")).toBe("12500 attempts");
  });
});
