// Accessibility in a real Chromium, on every main page, in light and dark mode: axe-core finds no
// serious or critical violation; on a 390 px phone no page scrolls sideways and the navigation is
// behind a working Menu button; the focus ring keeps 3:1 against the page from the first frame; the
// live cluster has a phone layout whose labels are all 12 px or larger.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/app-server";
import { cookiesFor, launchBrowser } from "../support/browser";

const ARTIFACTS = "artifacts/e2e";
const baseUrl = inject("baseUrl");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const database = new pg.Client({ connectionString: inject("databaseUrl") });

type Who = "visitor" | "candidate" | "instructor";
type Theme = "light" | "dark";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

interface PageCase {
  name: string;
  path: string;
  who: Who;
  /** Brings hidden content into view first, so axe checks it too. */
  prepare?: (page: Page) => Promise<void>;
}

const PAGES: PageCase[] = [
  { name: "home", path: "/", who: "visitor" },
  { name: "question bank", path: "/questions", who: "visitor" },
  {
    name: "question",
    path: "/questions/kafka-isr-and-min-insync",
    who: "visitor",
    prepare: async (page) => {
      // The model answer holds a table; the live cluster is the embedded lab.
      await page.getByTestId("reveal-model-answer").click();
      await page.getByTestId("open-live-cluster").click();
      await page.getByTestId("cluster-diagram").waitFor({ timeout: 20_000 });
    },
  },
  { name: "demos", path: "/demos", who: "visitor" },
  { name: "demo", path: "/demos/consumer-lag", who: "visitor", prepare: (page) => page.getByTestId("cluster-diagram").waitFor({ timeout: 20_000 }) },
  { name: "history", path: "/history", who: "candidate" },
  { name: "mock interview", path: "/interview", who: "candidate" },
  { name: "review", path: "/review", who: "candidate" },
  { name: "instructor studio", path: "/instructor", who: "instructor" },
  { name: "instructor question", path: "/instructor/questions/kafka-consumer-lag", who: "instructor" },
  { name: "rubric editor", path: "/instructor/questions/kafka-consumer-lag/edit", who: "instructor" },
];

const NAV_LINKS = ["Questions", "Mock interview", "Review", "History", "Cluster lab"];

let browser: Browser;
const cookies: Partial<Record<Who, string>> = {};
const contexts: BrowserContext[] = [];

async function account(role: "candidate" | "instructor", ip: string): Promise<string> {
  const email = `a11y-${role}-${Date.now()}@example.com`;
  const cookie = await signUp(baseUrl, { email, password: `${role}-password-1`, name: `A11y ${role}` }, ip);
  await database.query(`UPDATE "user" SET role = $1 WHERE email = $2`, [role, email]);
  return cookie;
}

/** A fresh page as `who`, in `theme`, at `viewport`. CSP is bypassed only so axe can be injected. */
async function open(who: Who, theme: Theme, viewport: { width: number; height: number }, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport, colorScheme: theme, bypassCSP: true });
  contexts.push(context);
  const cookie = cookies[who];
  if (cookie) {
    await context.addCookies(cookiesFor(cookie, baseUrl));
  }
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  // The theme really is the one asked for (the boot script follows prefers-color-scheme).
  expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(theme === "dark");
  return page;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const [high, low] = [luminance(parse(a)), luminance(parse(b))].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await database.connect();
  browser = await launchBrowser();
  cookies.candidate = await account("candidate", "10.88.0.1");
  cookies.instructor = await account("instructor", "10.88.0.2");
  // Something in the candidate's history, the review queue and the instructor's statistics.
  for (const question of ["kafka-consumer-lag", "kafka-isr-and-min-insync"]) {
    const created = await fetch(`${baseUrl}/api/attempts`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies.candidate },
      body: JSON.stringify({
        question,
        answer:
          "Lag is the log end offset minus the committed offset, per partition. See https://kafka.apache.org/documentation/#a_very_long_unbroken_anchor_that_must_wrap_instead_of_widening_the_page_on_a_phone",
      }),
    });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
  await browser?.close();
  await database.end();
});

describe.each<Theme>(["light", "dark"])("axe-core, %s mode", (theme) => {
  it.each(PAGES)("$name has no serious or critical violation at 1280 px", async ({ path, who, prepare }) => {
    const page = await open(who, theme, DESKTOP, path);
    await prepare?.(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each(PAGES)("$name at 390 px: no violation, no sideways scroll, navigation behind the Menu button", async ({ name, path, who, prepare }) => {
    const page = await open(who, theme, PHONE, path);
    await prepare?.(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    if (theme === "light") await page.screenshot({ path: `${ARTIFACTS}/a11y-390-${name.replaceAll(" ", "-")}.png`, fullPage: true });

    // The header's links are hidden on a phone; the Menu button opens them.
    expect(await page.getByTestId("desktop-nav").isVisible()).toBe(false);
    const menu = page.getByTestId("menu-button");
    await menu.scrollIntoViewIfNeeded();
    expect(await menu.isVisible()).toBe(true);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await menu.click();
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    const panel = page.locator(`#${await menu.getAttribute("aria-controls")}`);
    expect(await panel.getAttribute("data-testid")).toBe("mobile-nav");
    const expected = who === "instructor" ? [...NAV_LINKS, "Instructor"] : NAV_LINKS;
    if (who === "instructor") await panel.getByRole("link", { name: "Instructor", exact: true }).waitFor();
    for (const label of expected) expect(await panel.getByRole("link", { name: label, exact: true }).isVisible(), label).toBe(true);
    expect(await panel.getByRole("link", { name: "Instructor", exact: true }).count()).toBe(who === "instructor" ? 1 : 0);
    // Open, the panel stays inside the phone's width and is itself free of violations.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("the phone menu with a keyboard", () => {
  it("opens onto its first link, closes on Escape back to the button, and closes when a link is followed", async () => {
    const page = await open("candidate", "light", PHONE, "/questions");
    const menu = page.getByTestId("menu-button");
    const panel = page.getByTestId("mobile-nav");
    await menu.focus();
    await page.keyboard.press("Enter");
    expect(await menu.getAttribute("aria-expanded")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Questions");
    // The current page is marked for screen readers.
    expect(await panel.getByRole("link", { name: "Questions", exact: true }).getAttribute("aria-current")).toBe("page");
    await page.screenshot({ path: `${ARTIFACTS}/a11y-390-menu-open.png` });

    await page.keyboard.press("Escape");
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await panel.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("menu-button");

    // Enter reopens it onto the first link, Tab moves down the list, Enter follows a link.
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Mock interview");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/interview`);
    await expect.poll(() => menu.getAttribute("aria-expanded")).toBe("false");
    expect(await panel.isVisible()).toBe(false);
    // Focus is on the new page's content, not lost on the removed link.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // A click outside (here the header's empty middle) closes it too.
    await menu.click();
    expect(await panel.isVisible()).toBe(true);
    await page.mouse.click(140, 28);
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    await page.context().close();
  });

  it("shows the links in the header from the desktop breakpoint, with no Menu button", async () => {
    const page = await open("instructor", "light", { width: 1024, height: 800 }, "/questions");
    expect(await page.getByTestId("menu-button").isVisible()).toBe(false);
    const nav = page.getByTestId("desktop-nav");
    // The Instructor link follows the session, which the browser reads after the first paint.
    await nav.getByRole("link", { name: "Instructor", exact: true }).waitFor();
    for (const label of [...NAV_LINKS, "Instructor"]) expect(await nav.getByRole("link", { name: label, exact: true }).isVisible(), label).toBe(true);
    // Everything in the header fits: the last link ends before the theme toggle starts.
    const lastLink = await nav.getByRole("link", { name: "Instructor", exact: true }).boundingBox();
    const toggle = await page.getByRole("button", { name: /Switch to (dark|light) theme/ }).boundingBox();
    expect(lastLink!.x + lastLink!.width).toBeLessThan(toggle!.x);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.context().close();
  });
});

describe.each<Theme>(["light", "dark"])("the focus ring, %s mode", (theme) => {
  it("is a 2 px ring at least 3:1 against the page around the primary button, from the first frame", async () => {
    const page = await open("visitor", theme, DESKTOP, "/");
    const button = page.getByTestId("start-practising");
    // Keyboard focus (so :focus-visible applies): focus the element before it, then Tab.
    await button.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    // Read at once: a ring that fades in from the text colour (white on this button) fails here.
    const ring = await button.evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        focused: document.activeElement === element,
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        offset: parseFloat(style.outlineOffset),
        colour: style.outlineColor,
        fill: style.backgroundColor,
        page: getComputedStyle(document.body).backgroundColor,
      };
    });
    expect(ring.focused).toBe(true);
    expect(ring.style).toBe("solid");
    expect(ring.width).toBeGreaterThanOrEqual(2);
    // The offset leaves the page colour between ring and button: the ring's neighbours are the page.
    expect(ring.offset).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.colour, ring.page)).toBeGreaterThanOrEqual(3);
    // And the ring is not the button's own colour, so focus reads as a change.
    expect(ring.colour).not.toBe(ring.fill);
    await page.screenshot({ path: `${ARTIFACTS}/a11y-focus-ring-${theme}.png`, clip: { x: 0, y: 0, width: 1280, height: 700 } });
    await page.context().close();
  });

  it("keeps 3:1 against every surface token", async () => {
    const page = await open("visitor", theme, DESKTOP, "/");
    const colours = await page.evaluate(() => {
      // Each token as the browser resolves it in this theme.
      const resolve = (name: string) => {
        const probe = document.createElement("span");
        probe.style.color = `var(${name})`;
        document.body.append(probe);
        const value = getComputedStyle(probe).color;
        probe.remove();
        return value;
      };
      return Object.fromEntries(["--ring", "--bg", "--surface", "--surface-2", "--accent-soft", "--good-soft", "--warn-soft", "--bad-soft"].map((name) => [name, resolve(name)]));
    });
    for (const surface of ["--bg", "--surface", "--surface-2", "--accent-soft", "--good-soft", "--warn-soft", "--bad-soft"]) {
      expect(contrast(colours["--ring"]!, colours[surface]!), surface).toBeGreaterThanOrEqual(3);
    }
    await page.context().close();
  });
});

describe("the live cluster on a phone", () => {
  it("switches to the stacked layout, fits the screen, and draws no label under 12 px", async () => {
    const page = await open("visitor", "light", PHONE, "/demos/consumer-lag");
    const diagram = page.getByTestId("cluster-diagram");
    await diagram.waitFor({ timeout: 20_000 });
    await expect.poll(() => diagram.getAttribute("data-layout")).toBe("compact");
    const measured = await diagram.evaluate((svg) => {
      const element = svg as SVGSVGElement;
      const scale = element.getBoundingClientRect().width / element.viewBox.baseVal.width;
      const sizes = [...element.querySelectorAll("text")].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
      return { right: element.getBoundingClientRect().right, sizes, texts: element.querySelectorAll("text").length };
    });
    expect(measured.texts).toBeGreaterThan(20);
    expect(Math.min(...measured.sizes)).toBeGreaterThanOrEqual(12);
    expect(measured.right).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    // Every broker, consumer and lane is still drawn, and stays inside the picture.
    expect(await page.getByTestId("broker").count()).toBe(3);
    expect(await page.getByTestId("lane").count()).toBeGreaterThan(0);
    await diagram.screenshot({ path: `${ARTIFACTS}/a11y-390-cluster-diagram.png` });
    await page.context().close();
  });

  it("keeps the side-by-side columns on a desktop", async () => {
    const page = await open("visitor", "light", DESKTOP, "/demos/consumer-lag");
    const diagram = page.getByTestId("cluster-diagram");
    await diagram.waitFor({ timeout: 20_000 });
    await expect.poll(() => diagram.getAttribute("data-layout")).toBe("wide");
    await page.context().close();
  });
});
