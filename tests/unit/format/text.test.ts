import { describe, expect, it } from "vitest";
import { plural } from "@/lib/format/text";

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
