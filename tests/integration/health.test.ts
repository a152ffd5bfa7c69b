// GET /api/health through the real route handler: a real PostgreSQL answers 200; pointed at a port
// nothing listens on (connectDatabase swaps what db() returns) it answers 503 without giving the
// URL or its password away; pointed at a server that accepts connections and never replies, it gives
// up after the timeout instead of hanging the caller.
import { createServer, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { connectDatabase, db } from "@/lib/db/prisma";
import { withAppDatabase } from "../support/app-database";
import { freePort } from "../support/app-server";

const database = withAppDatabase();

describe("GET /api/health", () => {
  it("answers 200 and is never cached while the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("retry-after")).toBeNull();
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(body.latencyMs).toBeLessThan(2000);
  });

  it("answers 503 with Retry-After, quickly and without secrets, when the database is unreachable", async () => {
    const deadUrl = `postgresql://offset:hunter2-secret@127.0.0.1:${await freePort()}/offset_health`;
    const live = db();
    connectDatabase(deadUrl);
    try {
      const startedAt = performance.now();
      const response = await GET();
      expect(performance.now() - startedAt).toBeLessThan(3000);
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ status: "unavailable", database: "not reachable" });
      for (const secret of ["hunter2", "offset_health", "postgresql://", "127.0.0.1"]) expect(text).not.toContain(secret);
    } finally {
      await db().$disconnect();
      connectDatabase(database().url);
      await live.$disconnect();
    }
    expect((await GET()).status).toBe(200);
  });

  it("gives up after the timeout when the database accepts the connection but never answers", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    const live = db();
    connectDatabase(`postgresql://offset@127.0.0.1:${port}/offset`);
    try {
      const startedAt = performance.now();
      const response = await GET();
      const elapsed = performance.now() - startedAt;
      expect(elapsed).toBeGreaterThanOrEqual(1900);
      expect(elapsed).toBeLessThan(3500);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: "no answer within 2000 ms" });
      expect(sockets.length).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
      await db().$disconnect().catch(() => undefined);
      connectDatabase(database().url);
      await live.$disconnect();
    }
    expect((await GET()).status).toBe(200);
  });
});
