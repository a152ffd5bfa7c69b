// Changing a role in a real Chromium: the admin picks a role, reads a confirmation that says in plain
// English what the person will be able to do ("They can also edit rubrics…", never "They practises"),
// confirms, and the change is stored; Cancel leaves everything as it was.
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signUp } from "../support/app-server";
import { cookiesFor, launchBrowser } from "../support/browser";

const baseUrl = inject("baseUrl");
const database = new pg.Client({ connectionString: inject("databaseUrl") });
let browser: Browser;
let page: Page;
let candidateId = "";
const stamp = Date.now();

/** The page lays users out as a table on a desktop and as cards on a phone: the one on screen. */
const shown = (testId: string) => page.locator(`[data-testid="${testId}"]:visible`);

async function roleOf(id: string): Promise<string> {
  return (await database.query<{ role: string }>(`SELECT role FROM "user" WHERE id = $1`, [id])).rows[0]!.role;
}

beforeAll(async () => {
  await database.connect();
  const adminEmail = `roles-admin-${stamp}@example.com`;
  const adminCookie = await signUp(baseUrl, { email: adminEmail, password: "roles-password-1", name: "Grace Admin" }, "10.7.0.1");
  await database.query(`UPDATE "user" SET role = 'admin' WHERE email = $1`, [adminEmail]);
  const candidateEmail = `roles-ada-${stamp}@example.com`;
  await signUp(baseUrl, { email: candidateEmail, password: "roles-password-1", name: "Ada Candidate" }, "10.7.0.2");
  candidateId = (await database.query<{ id: string }>(`SELECT id FROM "user" WHERE email = $1`, [candidateEmail])).rows[0]!.id;
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(cookiesFor(adminCookie, baseUrl));
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await database.end();
});

describe("changing a role", () => {
  it("asks first, in plain words, and leaves the role alone on Cancel", async () => {
    await page.goto(`${baseUrl}/admin/users?q=${encodeURIComponent(`roles-ada-${stamp}`)}`);
    await shown(`role-select-${candidateId}`).selectOption("instructor");
    const confirmation = shown(`role-confirm-${candidateId}`);
    await confirmation.waitFor();
    expect((await confirmation.textContent())!.replace(/\s+/g, " ")).toContain("Make Ada Candidate an instructor? They can also edit rubrics and see statistics.");
    await confirmation.getByRole("button", { name: "Cancel" }).click();
    await confirmation.waitFor({ state: "hidden" });
    expect(await roleOf(candidateId)).toBe("candidate");
  });

  it("stores the new role on Confirm, and reads right going back to candidate", async () => {
    await shown(`role-select-${candidateId}`).selectOption("instructor");
    await shown(`role-confirm-button-${candidateId}`).click();
    await shown(`role-result-${candidateId}`).waitFor();
    expect(await roleOf(candidateId)).toBe("instructor");

    await shown(`role-select-${candidateId}`).selectOption("candidate");
    const confirmation = shown(`role-confirm-${candidateId}`);
    expect((await confirmation.textContent())!.replace(/\s+/g, " ")).toContain("Make Ada Candidate a candidate? They practise and see only their own attempts.");
    await shown(`role-confirm-button-${candidateId}`).click();
    await shown(`role-result-${candidateId}`).waitFor();
    expect(await roleOf(candidateId)).toBe("candidate");
  });
});
