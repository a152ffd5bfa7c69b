// `npm run screenshots`: retakes the README's screenshots (docs/screenshots/*.png), desktop and phone.
//
// 1. Starts Offset the way the e2e suite does: a production build if needed, a throwaway database on
//    the local PostgreSQL (or an embedded one), loopback trusted as a proxy so each simulated person
//    can come from an address of their own.
// 2. Seeds it through the app: an instructor and a few candidates sign up; the candidates answer
//    questions through the JSON API in their own words (scripts/lib/screenshot-answers.ts); Sam's
//    answers are then dated over three weeks, as history.test.ts does, so the trend and the heat map
//    have a shape. Sam sits a mock interview up to the interviewer's follow-up; the instructor opens a
//    question and runs the rubric editor's test bench; the live cluster loses acknowledged records.
// 3. Drives Debian's Chromium (tests/support/browser.ts) at 1280×800 and 390×844 and writes the PNGs.
//
// `npx tsx scripts/screenshots.ts [name …]` takes only the named shots (e.g. `feedback phone-menu`).
// Run it under the e2e lock when tests may run at the same time: `flock /tmp/e2e.lock npm run screenshots`.
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { signUp, startApp, type RunningApp } from "../tests/support/app-server";
import { cookiesFor, launchBrowser } from "../tests/support/browser";
import { acquireTestServer, createTempDatabase } from "../tests/support/database";
import { CLASSMATE_ANSWERS, FOLLOW_UP_DRAFT, INTERVIEW_ANSWERS, SAM_ANSWERS } from "./lib/screenshot-answers";

const OUT = join(process.cwd(), "docs", "screenshots");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** Above this a PNG is too heavy for a README; the run says so. */
const MAX_BYTES = 400 * 1024;
const INSTRUCTOR_QUESTION = "kafka-architecture";
const FEEDBACK_QUESTION = "kafka-delivery-guarantees";
const wanted = new Set(process.argv.slice(2));
const take = (name: string) => wanted.size === 0 || wanted.has(name);

interface Person {
  name: string;
  email: string;
  cookie: string;
  ip: string;
}

interface Shot {
  name: string;
  bytes: number;
}

const shots: Shot[] = [];
const pageErrors: string[] = [];
let app: RunningApp;
let database: pg.Client;
let browser: Browser;
let nextAddress = 1;

/** Each person their own address: sign-ins and sign-ups are limited per address. */
async function person(name: string): Promise<Person> {
  const ip = `10.91.0.${nextAddress++}`;
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`;
  const cookie = await signUp(app.baseUrl, { email, password: `${name.split(" ")[0]!.toLowerCase()}-screenshots-1`, name }, ip);
  return { name, email, cookie, ip };
}

async function answer(who: Person, question: string, text: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}/api/attempts`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: who.cookie, origin: app.baseUrl, "x-forwarded-for": who.ip },
    body: JSON.stringify({ question, answer: text, timeSpentMs: 150_000 + text.length * 120 }),
  });
  if (response.status !== 201) throw new Error(`answering ${question} as ${who.name} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { attempt: { id: string } };
  return body.attempt.id;
}

/** Moves an attempt (and its scores) back in time; updatedAt moves too, so cached history aggregates refresh. */
async function backdate(attemptId: string, daysAgo: number, index: number) {
  const at = new Date();
  at.setUTCDate(at.getUTCDate() - daysAgo);
  if (daysAgo > 0) at.setUTCHours(8 + ((index * 5) % 11), (index * 17) % 60, 0, 0);
  else at.setTime(at.getTime() - 12 * 60_000);
  await database.query(`UPDATE "Attempt" SET "createdAt" = $2, "updatedAt" = now() WHERE id = $1`, [attemptId, at]);
  await database.query(`UPDATE "Score" SET "createdAt" = $2::timestamptz + interval '2 seconds' WHERE "attemptId" = $1`, [attemptId, at]);
}

async function contextFor(who: Person | null, { phone = false, dark = false }: { phone?: boolean; dark?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: phone ? PHONE : DESKTOP,
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
    colorScheme: dark ? "dark" : "light",
    reducedMotion: "reduce",
    locale: "en-GB",
    timezoneId: "Europe/London",
    extraHTTPHeaders: who ? { "x-forwarded-for": who.ip } : {},
  });
  await context.addInitScript((theme) => localStorage.setItem("offset-theme", theme), dark ? "dark" : "light");
  if (who) {
    await context.addCookies(cookiesFor(who.cookie, app.baseUrl));
  }
  return context;
}

async function open(context: BrowserContext, path: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${path}: ${error.message}`));
  await page.goto(`${app.baseUrl}${path}`, { waitUntil: "networkidle" });
  await page.getByTestId(ready).first().waitFor();
  return page;
}

/** Scrolls the window so `selector`'s top sits `below` pixels from the top of the viewport (under the sticky header). */
async function scrollTo(page: Page, selector: string, below = 72) {
  await page.evaluate(
    ([target, offset]) => {
      const element = document.querySelector(target);
      if (!element) throw new Error(`nothing matches ${target}`);
      window.scrollTo({ top: element.getBoundingClientRect().top + window.scrollY - offset, behavior: "instant" });
    },
    [selector, below] as const,
  );
}

async function shoot(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready);
  // Focus rings from scripted clicks are not part of a calm picture.
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  await page.waitForTimeout(300);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: false, animations: "disabled", caret: "hide" });
  const bytes = statSync(path).size;
  shots.push({ name, bytes });
  console.log(`  ${name}.png  ${(bytes / 1024).toFixed(0)} KB${bytes > MAX_BYTES ? "  (over 400 KB)" : ""}`);
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

interface Seeded {
  instructor: Person;
  sam: Person;
  /** Sam's latest answer to FEEDBACK_QUESTION. */
  feedbackAttempt: string;
}

async function seed(): Promise<Seeded> {
  // The first account becomes the admin; Ines is made an instructor, as the e2e tests promote theirs.
  const instructor = await person("Ines Moreau");
  await database.query(`UPDATE "user" SET role = 'instructor' WHERE email = $1`, [instructor.email]);
  const sam = await person("Sam Rivera");

  for (const [index, classmate] of CLASSMATE_ANSWERS.entries()) {
    const who = await person(classmate.name);
    await backdate(await answer(who, INSTRUCTOR_QUESTION, classmate.text), 16 - index * 3, index);
  }

  let feedbackAttempt = "";
  for (const [index, seedAnswer] of SAM_ANSWERS.entries()) {
    const id = await answer(sam, seedAnswer.question, seedAnswer.text);
    await backdate(id, seedAnswer.daysAgo, index);
    if (seedAnswer.question === FEEDBACK_QUESTION) feedbackAttempt = id;
  }
  return { instructor, sam, feedbackAttempt };
}

// ---------------------------------------------------------------------------------------------
// The shots
// ---------------------------------------------------------------------------------------------

async function feedbackShots({ sam, feedbackAttempt }: Seeded) {
  const path = `/attempts/${feedbackAttempt}`;
  if (take("feedback") || take("checklist")) {
    const context = await contextFor(sam);
    const page = await open(context, path, "feedback");
    if (take("feedback")) {
      // The score, what was wrong and the first points to tighten up (the title is scrolled away under the header).
      await scrollTo(page, '[data-testid="score-section"]', 72);
      await shoot(page, "feedback");
    }
    if (take("checklist")) {
      // Select a met point so its sentence lights up in the answer beside the checklist.
      await page.locator('[data-testid="checklist-item"][data-state="good"]').nth(1).click();
      await scrollTo(page, 'section:has([data-testid="checklist-required"])', 72);
      await shoot(page, "checklist");
    }
    await context.close();
  }
  if (take("phone-feedback")) {
    const context = await contextFor(sam, { phone: true });
    const page = await open(context, path, "feedback");
    await shoot(page, "phone-feedback");
    await context.close();
  }
}

async function waitForTrend(page: Page) {
  await page.getByTestId("heat-map").waitFor();
  await page.locator('[data-testid="score-trend"] .recharts-line-dot').first().waitFor();
}

async function historyShots({ sam }: Seeded) {
  if (take("history") || take("heat-map")) {
    const context = await contextFor(sam);
    const page = await open(context, "/history", "attempts-table");
    await waitForTrend(page);
    if (take("history")) {
      await scrollTo(page, '[data-testid="history-stats"]', 72);
      await shoot(page, "history");
    }
    if (take("heat-map")) {
      await scrollTo(page, "#heat-map", 72);
      await shoot(page, "heat-map");
    }
    await context.close();
  }
  if (take("phone-history")) {
    const context = await contextFor(sam, { phone: true });
    const page = await open(context, "/history", "attempts-table");
    await waitForTrend(page);
    await scrollTo(page, '[data-testid="history-stats"]', 68);
    await shoot(page, "phone-history");
    await context.close();
  }
  if (take("phone-menu")) {
    const context = await contextFor(sam, { phone: true });
    const page = await open(context, "/questions", "question-card");
    await page.getByTestId("menu-button").click();
    await page.getByTestId("mobile-nav").waitFor();
    await shoot(page, "phone-menu");
    await context.close();
  }
}

async function questionBankShot({ sam }: Seeded) {
  if (!take("question-bank-dark")) return;
  const context = await contextFor(sam, { dark: true });
  const page = await open(context, "/questions", "question-card");
  await shoot(page, "question-bank-dark");
  await context.close();
}

async function interviewShot({ sam }: Seeded) {
  if (!take("interview")) return;
  const context = await contextFor(sam);
  const page = await open(context, "/interview", "start-interview");
  await page.getByTestId("track-kafka").check();
  await page.getByTestId("timing-after_each").check();
  await page.getByTestId("start-interview").click();
  await page.waitForURL(/\/interview\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const { rows } = await database.query<{ questionSlugs: string[] }>(`SELECT "questionSlugs" FROM "MockSession" WHERE id = $1`, [id]);
  const first = rows[0]!.questionSlugs[0]!;
  const text = INTERVIEW_ANSWERS[first];
  if (!text) throw new Error(`the interview opened on ${first}; add an answer for it to INTERVIEW_ANSWERS`);
  await page.getByTestId("answer-input").fill(text);
  await page.getByTestId("submit-interview-answer").click();
  await page.getByTestId("follow-up").waitFor({ timeout: 20_000 });
  await page.getByTestId("feedback").waitFor();
  await page.getByTestId("follow-up-input").fill(FOLLOW_UP_DRAFT);
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await shoot(page, "interview");
  await context.close();
}

/** acks=1, a second of traffic, the leader of payments-0 killed, ten more seconds: acknowledged records are gone. */
async function crashTheLeader(page: Page) {
  await page.getByTestId("producer-acks").selectOption("1");
  await page.getByTestId("producer-apply").click();
  await page.getByTestId("advance-1s").click();
  await page.getByTestId("kill-broker-1").click();
  await page.getByTestId("advance-10s").click();
  await page.locator('[data-testid="event-log"] [data-kind="acked-loss"]').first().waitFor();
}

async function demoShots() {
  if (take("demo")) {
    const context = await contextFor(null);
    const page = await open(context, "/demos/acks-durability", "cluster-diagram");
    await crashTheLeader(page);
    await scrollTo(page, '[data-testid="cluster-lab"]', 72);
    await shoot(page, "demo");
    await context.close();
  }
  if (take("phone-demo")) {
    const context = await contextFor(null, { phone: true });
    const page = await open(context, "/demos/acks-durability", "cluster-diagram");
    await crashTheLeader(page);
    await scrollTo(page, '[data-testid="cluster-diagram"]', 72);
    await shoot(page, "phone-demo");
    await context.close();
  }
}

async function instructorShots({ instructor }: Seeded) {
  if (take("instructor-question")) {
    const context = await contextFor(instructor);
    const page = await open(context, `/instructor/questions/${INSTRUCTOR_QUESTION}`, "item-stats");
    await shoot(page, "instructor-question");
    await context.close();
  }
  if (take("rubric-editor")) {
    const context = await contextFor(instructor);
    const page = await open(context, `/instructor/questions/${INSTRUCTOR_QUESTION}/edit`, "rubric-editor");
    // A draft that weighs the first point (leaders and followers) more, tested against v1 on the bench.
    await page.getByTestId("item-weight-0").fill("5");
    await page.getByTestId("save-note").fill("Leaders and followers are the heart of a good answer: weigh them more.");
    await page.getByTestId("bench-run").click();
    await page.getByTestId("bench-results").waitFor();
    await page.waitForTimeout(1000);
    // The page at the top (the draft's state, its first item with the new weight), the side panel at the bench's results.
    await page.evaluate(() => {
      window.scrollTo({ top: 0, behavior: "instant" });
      const panel = document.querySelector<HTMLElement>('[data-testid="editor-side-panel"]')!;
      const results = document.querySelector('[data-testid="bench-results"]')!;
      panel.scrollTop += results.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    });
    await shoot(page, "rubric-editor");
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(OUT, { recursive: true });
  const server = await acquireTestServer();
  const temp = await createTempDatabase(server.adminUrl, "offset_screenshots");
  try {
    console.log("Starting Offset (builds first if its sources changed)…");
    app = await startApp({ databaseUrl: temp.url, env: { OFFSET_TRUSTED_PROXIES: "loopback" }, readyTimeoutMs: 15 * 60_000 });
    database = new pg.Client({ connectionString: temp.url });
    await database.connect();
    browser = await launchBrowser();
    console.log(`Seeding ${app.baseUrl}…`);
    const seeded = await seed();
    console.log(`Writing ${OUT}:`);
    await feedbackShots(seeded);
    await historyShots(seeded);
    await questionBankShot(seeded);
    await interviewShot(seeded);
    await demoShots();
    await instructorShots(seeded);
    if (pageErrors.length > 0) console.warn(`Errors in the pages:\n  ${pageErrors.join("\n  ")}`);
    const heavy = shots.filter((shot) => shot.bytes > MAX_BYTES);
    if (heavy.length > 0) console.warn(`Over 400 KB: ${heavy.map((shot) => shot.name).join(", ")}`);
  } finally {
    await browser?.close();
    await database?.end().catch(() => undefined);
    await app?.stop();
    await temp.drop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
