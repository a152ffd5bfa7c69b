import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.OPENAI_MODEL).toBe("gpt-4o-mini");
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", OPENAI_API_KEY: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/x" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ PORT: "99999" })).toThrow(/PORT: must be a port/);
    expect(() => parseEnv({ OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
  });
});
