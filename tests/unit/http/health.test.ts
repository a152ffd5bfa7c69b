import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { checkHealth, describeDatabaseFailure, HEALTH_RETRY_AFTER_SECONDS, healthResponse } from "@/lib/http/health";

/** The shape Prisma 7 gives a failed query through @prisma/adapter-pg (see meta.driverAdapterError). */
function prismaAdapterError(cause: Record<string, unknown>, message: string) {
  return Object.assign(new Error(message), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
}

afterEach(() => vi.useRealTimers());

describe("checkHealth", () => {
  it("is ok when the check answers", async () => {
    const report = await checkHealth(async () => [{ "?column?": 1 }]);
    expect(report).toMatchObject({ status: "ok", database: "ok" });
    expect(report.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("gives up on a database that never answers once the timeout passes", async () => {
    vi.useFakeTimers();
    const pending = checkHealth(() => new Promise(() => {}), 2000);
    await vi.advanceTimersByTimeAsync(1999);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ status: "unavailable", database: "no answer within 2000 ms" });
  });

  it("turns a check that throws synchronously (no DATABASE_URL) into a report", async () => {
    const report = await checkHealth(() => {
      throw new AppError("database_unavailable", "DATABASE_URL is not set");
    });
    expect(report).toMatchObject({ status: "unavailable", database: "not configured" });
  });

  it("never repeats the driver's message, which names hosts, users and databases", async () => {
    const secret = "postgresql://offset:hunter2@db.internal:5432/offset";
    const report = await checkHealth(async () => {
      throw prismaAdapterError({ kind: "DatabaseNotReachable", host: "db.internal", port: 5432 }, `Can't reach ${secret}`);
    });
    expect(report).toMatchObject({ status: "unavailable", database: "not reachable" });
    expect(JSON.stringify(report)).not.toMatch(/hunter2|db\.internal|offset:/);
  });
});

describe("describeDatabaseFailure", () => {
  it.each([
    [prismaAdapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }, "x"), "not reachable"],
    [prismaAdapterError({ kind: "DatabaseAccessDenied", originalCode: "28000", originalMessage: 'role "nobody" does not exist' }, "x"), "access denied"],
    [prismaAdapterError({ kind: "DatabaseDoesNotExist", originalCode: "3D000", db: "nope" }, "x"), "database does not exist"],
    [prismaAdapterError({ kind: "postgres", originalCode: "53300" }, "x"), "too many connections"],
    [prismaAdapterError({ kind: "postgres", originalCode: "57P03" }, "x"), "starting up or shutting down"],
    [Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" }), "not reachable"],
    [Object.assign(new Error("password authentication failed for user \"offset\""), { code: "28P01" }), "authentication failed"],
    [new Error("something nobody anticipated, mentioning db.internal"), "query failed"],
    ["a thrown string", "query failed"],
    [null, "query failed"],
    [Object.assign(new Error("x"), { code: "toString" }), "query failed"],
  ])("%# → %s", (error, expected) => {
    expect(describeDatabaseFailure(error)).toBe(expected);
  });
});

describe("healthResponse", () => {
  it("answers 200 with the report, uncached", async () => {
    const response = healthResponse({ status: "ok", database: "ok", latencyMs: 3 });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("retry-after")).toBeNull();
    expect(await response.json()).toEqual({ status: "ok", database: "ok", latencyMs: 3 });
  });

  it("answers 503 with Retry-After when the database is not answering", async () => {
    const response = healthResponse({ status: "unavailable", database: "not reachable", latencyMs: 12 });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(HEALTH_RETRY_AFTER_SECONDS));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "unavailable", database: "not reachable", latencyMs: 12 });
  });
});
