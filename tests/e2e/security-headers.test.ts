// The Content-Security-Policy and the other security headers in a real Chromium: each page carries
// them, Next's scripts carry this response's nonce, the browser reports no violation while the page
// loads and is used (hydration, client navigation, mermaid, shiki, the cluster lab, a sign-in
// fetch), and no other site can frame the app.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleProblems: string[] = [];
const pageErrors: string[] = [];
const cspViolations: Violation[] = [];

interface Violation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
}


beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Reported straight to the test, so a violation during a load that is then navigated away from still counts.
  await context.exposeFunction("reportCspViolation", (violation: Violation) => {
    cspViolations.push(violation);
  });
  // Registered before any page script runs, and not itself subject to the page's CSP.
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (violation: Violation) => void }).reportCspViolation;
      report({ directive: event.violatedDirective, blockedURI: event.blockedURI, sourceFile: event.sourceFile, line: event.lineNumber });
    });
  });
  page = await context.newPage();
  page.on("console", (message) => {
    const text = message.text();
    // An HTTP error status is logged too (the wrong password's 401); a blocked load reads "Refused to …".
    if (text.startsWith("Failed to load resource: the server responded with a status of")) return;
    if (message.type() === "error" || /Content Security Policy|Refused to/i.test(text)) consoleProblems.push(`${message.type()}: ${text}`);
  });
  page.on("pageerror", (error) => pageErrors.push(error.message));
});
afterAll(() => browser?.close());
beforeEach(() => {
  consoleProblems.length = 0;
  pageErrors.length = 0;
  cspViolations.length = 0;
});

function expectSecurityHeaders(headers: Record<string, string>): string {
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `no nonce in ${csp}`).toBeTruthy();
  expect(csp).toMatch(/(^|; )script-src 'self' 'nonce-[^']+' .*'strict-dynamic'/);
  expect(csp).not.toContain("'unsafe-eval'");
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("microphone=(self)");
  return nonce!;
}

/**
 * Every script the server wrote carries this response's nonce, except the layout's theme script
 * (allowed by hash). Scripts Next adds later need none: 'strict-dynamic' trusts what nonced scripts load.
 */
function expectScriptsCarryNonce(html: string, nonce: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attributes, body]) => ({ attributes: attributes!, body: body! }));
  expect(scripts.length).toBeGreaterThan(0);
  for (const { attributes, body } of scripts) {
    if (!attributes.includes("src=") && body.includes("offset-theme")) continue;
    expect(attributes, `a script without this response's nonce: <script${attributes}>${body.slice(0, 60)}`).toContain(`nonce="${nonce}"`);
  }
}

/** A client component works: the theme toggle, in the layout of every page, flips the class. */
async function expectHydrated(target: Page) {
  const dark = () => target.evaluate(() => document.documentElement.classList.contains("dark"));
  const before = await dark();
  const toggle = target.getByRole("button", { name: /Switch to (dark|light) theme/ });
  await toggle.click();
  await expect.poll(dark).toBe(!before);
  await toggle.click();
  await expect.poll(dark).toBe(before);
}

const PAGES: { path: string; use?: (target: Page) => Promise<void> }[] = [
  {
    path: "/",
    use: async (target) => {
      // The inline theme script (allowed by hash) runs before paint: a saved choice applies on load.
      await target.evaluate(() => localStorage.setItem("offset-theme", "dark"));
      await target.reload({ waitUntil: "networkidle" });
      expect(await target.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
      await target.evaluate(() => localStorage.removeItem("offset-theme"));
    },
  },
  {
    path: "/questions",
    use: async (target) => {
      // A client-side navigation: the router fetches the RSC payload from our own origin.
      await target.getByTestId("filter-level").selectOption("final-boss");
      await target.waitForURL(/level=final-boss/);
      await expect.poll(() => target.getByTestId("result-count").textContent()).toMatch(/^\d+ of \d+ questions$/);
    },
  },
  {
    path: "/questions/kafka-what-and-why",
    use: async (target) => {
      await target.getByTestId("reveal-model-answer").click();
      expect(await target.getByTestId("model-answer").isVisible()).toBe(true);
      // Voice answers still get the microphone; nothing gets the camera.
      const allows = (feature: string) =>
        target.evaluate((name) => (document as unknown as { featurePolicy: { allowsFeature(name: string): boolean } }).featurePolicy.allowsFeature(name), feature);
      expect(await allows("microphone")).toBe(true);
      expect(await allows("camera")).toBe(false);
    },
  },
  {
    path: "/questions/kafka-architecture",
    use: async (target) => {
      // Mermaid loads as a separate chunk when the answer is shown and writes a <style> into its SVG.
      await target.getByTestId("reveal-model-answer").click();
      await target.locator(".mermaid-diagram svg").first().waitFor({ timeout: 20_000 });
      expect(await target.locator(".mermaid-diagram svg style").count()).toBeGreaterThan(0);
    },
  },
  {
    path: "/questions/kafka-delivery-guarantees",
    use: async (target) => {
      // Shiki colours tokens through style attributes; a blocked attribute would leave them unset.
      await target.getByTestId("reveal-model-answer").click();
      const colour = await target
        .locator("pre.shiki span[style]")
        .first()
        .evaluate((span) => getComputedStyle(span).getPropertyValue("--shiki-light"));
      expect(colour.trim()).toMatch(/^#[0-9a-f]{3,8}$/i);
    },
  },
  {
    path: "/demos",
    use: async (target) => {
      expect(await target.getByTestId("demo-card").count()).toBeGreaterThan(0);
    },
  },
  {
    path: "/demos/acks-durability",
    use: async (target) => {
      await target.getByTestId("cluster-diagram").waitFor();
      const lab = target.getByTestId("cluster-lab");
      const before = await lab.getAttribute("data-now");
      await target.getByTestId("advance-1s").click();
      await expect.poll(() => lab.getAttribute("data-now")).not.toBe(before);
    },
  },
  {
    path: "/sign-in",
    use: async (target) => {
      // The form posts with fetch to /api/auth (connect-src 'self') and shows the answer.
      await target.getByTestId("auth-email").fill(`nobody-${Date.now()}@example.com`);
      await target.getByTestId("auth-password").fill("not-the-password-1");
      await target.getByTestId("auth-submit").click();
      await expect.poll(() => target.getByTestId("auth-error").textContent(), { timeout: 15_000 }).not.toBe("");
    },
  },
];

describe("security headers and the CSP in a real browser", () => {
  it.each(PAGES)("$path: headers present, scripts nonced, no violation, interactive", async ({ path, use }) => {
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    const nonce = expectSecurityHeaders(response!.headers());
    expectScriptsCarryNonce(await response!.text(), nonce);
    await expectHydrated(page);
    await use?.(page);
    await page.waitForTimeout(200); // violation events are dispatched asynchronously
    expect(cspViolations).toEqual([]);
    expect(consoleProblems).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("uses a fresh nonce on every response", async () => {
    const nonces = new Set<string>();
    for (let index = 0; index < 3; index += 1) {
      const response = await fetch(`${baseUrl}/questions`);
      nonces.add(/'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "");
    }
    expect(nonces.size).toBe(3);
    expect(nonces.has("")).toBe(false);
  });

  it("sends the headers on API responses and on static files the proxy skips", async () => {
    const health = await fetch(`${baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expectSecurityHeaders(Object.fromEntries(health.headers));

    const html = await (await fetch(`${baseUrl}/`)).text();
    const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet).toBeTruthy();
    for (const path of [stylesheet!, "/icon.svg"]) {
      const asset = await fetch(`${baseUrl}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(asset.headers.get("x-frame-options"), path).toBe("DENY");
      expect(asset.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });

  it("cannot be framed by another page", async () => {
    const framer = await context.newPage();
    const refusals: string[] = [];
    framer.on("console", (message) => refusals.push(message.text()));
    try {
      // about:blank is another origin; the admin page (which redirects a visitor to sign in) is the clickjacking target.
      await framer.setContent(`<iframe src="${baseUrl}/admin/users" width="800" height="600"></iframe>`);
      await expect.poll(() => framer.frames()[1]?.url(), { timeout: 15_000 }).toMatch(/^chrome-error:/);
      expect(await framer.frames()[1]!.evaluate(() => document.body?.innerText ?? "")).not.toMatch(/Offset|Sign in/);
      expect(refusals.join("\n")).toMatch(/frame-ancestors 'none'/);
    } finally {
      await framer.close();
    }
  });
});
