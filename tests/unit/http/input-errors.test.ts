import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isBadInputError } from "@/lib/db/bad-input";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, toPublicError } from "@/lib/errors";
import { parseWith, pathOfNulByte } from "@/lib/http/api";
import { isUuid } from "@/lib/ids";

const quiet = () => {};

describe("NUL bytes", () => {
  it("are found wherever they hide, with the path that names the field", () => {
    expect(pathOfNulByte({ answer: "fine", nested: { list: ["ok", "bad\u0000"] } })).toBe("nested.list.1");
    expect(pathOfNulByte("top\u0000")).toBe("");
    expect(pathOfNulByte({ ["k\u0000"]: 1 })).toBe("k\\u0000");
    expect(pathOfNulByte({ answer: "clean", n: 3, flag: true, none: null })).toBeUndefined();
  });

  it("are refused by parseWith as a 400 naming the field, before the schema runs", () => {
    const schema = z.object({ answer: z.string() });
    const error = (() => {
      try {
        parseWith(schema, { answer: "Kafka\u0000" });
      } catch (caught) {
        return caught as AppError;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "bad_request", field: "answer" });
    expect(error!.message).toMatch(/^answer: contains a NUL character/);
  });
});

describe("ids", () => {
  it("accept only the UUID shape", () => {
    expect(isUuid("0b7e3b4c-2f1a-4c2e-9d3e-5a6b7c8d9e0f")).toBe(true);
    expect(isUuid("------------------------------------")).toBe(false);
    expect(isUuid("0b7e3b4c2f1a4c2e9d3e5a6b7c8d9e0f----")).toBe(false);
    expect(isUuid("0b7e3b4c-2f1a-4c2e-9d3e-5a6b7c8d9e0g")).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});

describe("database errors reaching a user", () => {
  it("an unreachable or restarting database is a 503 with Retry-After", () => {
    for (const error of [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      { name: "PrismaClientInitializationError", message: "Can't reach database server" },
      Object.assign(new Error("driver adapter error"), { cause: { originalCode: "57P03", originalMessage: "the database system is starting up" } }),
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(toPublicError(error, quiet)).toMatchObject({ code: "database_unavailable", status: 503, retryAfterSeconds: 5 });
    }
  });

  it("a value PostgreSQL cannot store is the client's 400, not our 500", () => {
    const nul = Object.assign(new Error("invalid byte sequence for encoding \"UTF8\": 0x00"), { code: "22021" });
    const notUuid = Object.assign(new Error("Inconsistent column data"), { code: "P2023" });
    const wrapped = Object.assign(new Error("adapter"), { cause: { originalCode: "22P02" } });
    for (const error of [nul, notUuid, wrapped]) {
      expect(isBadInputError(error)).toBe(true);
      expect(toPublicError(error, quiet)).toMatchObject({ code: "bad_request", status: 400 });
    }
  });

  it("anything else stays a 500 that reveals nothing", () => {
    const error = new Error("relation \"Secret\" does not exist");
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isBadInputError(error)).toBe(false);
    expect(toPublicError(error, quiet)).toMatchObject({ code: "internal", status: 500, message: "Something went wrong on our side." });
  });
});
