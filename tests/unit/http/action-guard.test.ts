import { describe, expect, it } from "vitest";
import { checkServerActionCall, MAX_ACTION_BODY_BYTES } from "@/lib/http/action-guard";

const call = (headers: Record<string, string>, body = "[]", method = "POST") => {
  let read = false;
  const verdict = checkServerActionCall({
    method,
    headers: new Headers({ host: "offset.test", "next-action": "abc", "content-type": "text/plain;charset=UTF-8", ...headers }),
    readBody: async () => {
      read = true;
      return body;
    },
  });
  return verdict.then((result) => ({ result, read }));
};

describe("server action calls", () => {
  it("let a same-site call with React's encoding through", async () => {
    expect((await call({ origin: "https://offset.test" }, '["$K1",{"answer":"x"}]')).result).toBeNull();
    expect((await call({ "content-type": "multipart/form-data; boundary=x" })).result).toBeNull();
  });

  it("leave other requests alone", async () => {
    expect((await call({ origin: "https://evil.example" }, "[]", "GET")).result).toBeNull();
    const plain = await checkServerActionCall({ method: "POST", headers: new Headers({ origin: "https://evil.example" }), readBody: async () => "" });
    expect(plain).toBeNull();
  });

  it("refuse another site before reading the body", async () => {
    const { result, read } = await call({ origin: "https://evil.example" });
    expect(result).toEqual({ status: 403, message: "Server actions cannot be called from https://evil.example." });
    expect(read).toBe(false);
    expect((await call({ origin: "not a url" })).result).toMatchObject({ status: 403 });
  });

  it("refuse an oversized body, declared or actual", async () => {
    expect((await call({ "content-length": String(MAX_ACTION_BODY_BYTES + 1) })).result).toMatchObject({ status: 413 });
    expect((await call({}, JSON.stringify(["é".repeat(MAX_ACTION_BODY_BYTES / 2 + 1)]))).result).toMatchObject({ status: 413 });
  });

  it("refuse a malformed body or an unexpected content type, naming it", async () => {
    expect((await call({}, '{"unterminated": ')).result).toEqual({ status: 400, message: "The server action's arguments are not valid JSON." });
    expect((await call({ "content-type": "application/xml" })).result).toMatchObject({ status: 400, message: expect.stringContaining('"application/xml"') });
  });
});
