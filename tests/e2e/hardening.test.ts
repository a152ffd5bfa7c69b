// Hostile input over real HTTP, against the production build: sign-in never redirects off-site,
// server actions called from another site or with a broken or oversized body get a 4xx that says
// why, and the health check reports the database.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/app-server";
import { launchBrowser } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let page: Page;
let visitor = 10;
const email = `redirect-${Date.now()}@example.com`;
const password = "redirect-password-1";

beforeAll(async () => {
  await signUp(baseUrl, { email, password, name: "Redirect" }, "10.66.0.1");
  browser = await launchBrowser();
});

// Each sign-in from an address of its own: better-auth allows three sign-ins per address per 10 s.
async function freshPage(): Promise<Page> {
  await page?.context().close();
  page = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `10.66.0.${++visitor}` } })).newPage();
  return page;
}
afterAll(async () => {
  await browser?.close();
});

describe("after signing in", () => {
  it.each(["/%5Cevil.example/", "/%09/evil.example", "//evil.example/", "https://evil.example/"])("stays on this site for next=%s", async (next) => {
    await freshPage();
    await page.goto(`${baseUrl}/sign-in?next=${next}`);
    await page.getByTestId("auth-email").fill(email);
    await page.getByTestId("auth-password").fill(password);
    await page.getByTestId("auth-submit").click();
    await page.waitForURL((url) => url.pathname === "/" || url.host !== new URL(baseUrl).host, { timeout: 20_000 });
    expect(new URL(page.url()).host).toBe(new URL(baseUrl).host);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  it("still follows a path on this site", async () => {
    await freshPage();
    await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent("/questions?track=kafka")}`);
    await page.getByTestId("auth-email").fill(email);
    await page.getByTestId("auth-password").fill(password);
    await page.getByTestId("auth-submit").click();
    await page.waitForURL((url) => url.pathname === "/questions", { timeout: 20_000 });
    expect(new URL(page.url()).search).toBe("?track=kafka");
  });
});

describe("a server action call", () => {
  const actionPost = (headers: Record<string, string>, body: string) =>
    fetch(`${baseUrl}/questions/kafka-what-and-why`, {
      method: "POST",
      headers: { "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain;charset=UTF-8", origin: baseUrl, ...headers },
      body,
    });

  it("from another site is refused with 403", async () => {
    const response = await actionPost({ origin: "https://evil.example" }, "[]");
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("Server actions cannot be called from https://evil.example.");
  });

  it("with a body that is not React's encoding is a 400", async () => {
    const response = await actionPost({}, '{"unterminated": ');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
  });

  it("with a body over the limit is a 413", async () => {
    const response = await actionPost({}, JSON.stringify(["x".repeat(2 * 1024 * 1024)]));
    expect(response.status).toBe(413);
  });
});

describe("the health check", () => {
  it("reports the database as answering", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toContain("no-store");
    expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("says submissions are scored on the worker thread once it has warmed up", async () => {
    let scoring: string | undefined;
    for (let waited = 0; waited < 60_000 && scoring !== "thread"; waited += 500) {
      scoring = ((await (await fetch(`${baseUrl}/api/health`)).json()) as { scoring?: string }).scoring;
      if (scoring !== "thread") await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(scoring).toBe("thread");
  }, 90_000);
});
