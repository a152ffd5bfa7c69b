import { describe, expect, it } from "vitest";
import { ROLE_POWERS } from "@/components/admin/role-labels";

describe("the role-change confirmation", () => {
  // It reads "Make Ada a candidate? They <power>.", so each power starts with a verb that agrees with "They".
  it.each(Object.entries(ROLE_POWERS))("says what a %s can do after 'They' with a plural verb", (_role, power) => {
    const firstWord = power.split(/\s+/)[0]!;
    expect(firstWord).not.toMatch(/[^s]s$/); // "practises", "sees" would read "They practises"
    expect(`They ${power}.`).toMatch(/^They [a-z]/);
  });
});
