import { describe, expect, it } from "vitest";
import { currentProxiedUser, readerIdentity, withRequestSession } from "./request-session";

const asProxied = <T>(username: string, groups: string[], fn: () => T) => withRequestSession({ session: null, clientAddress: "127.0.0.1", proxiedUser: { username, groups } }, fn);

describe("readerIdentity for proxied users", () => {
  it("keeps one reader per user and set of groups, whatever the groups' order", () => {
    const key = (username: string, groups: string[]) => asProxied(username, groups, () => readerIdentity("embedded").key);
    expect(key("jane", ["dev", "ops"])).toBe(key("jane", ["ops", "dev"]));
    expect(key("jane", ["dev"])).not.toBe(key("jane", ["dev", "ops"]));
    expect(key("jane", [])).not.toBe(key("joe", []));
    expect(key("jane", [])).toMatch(/^embedded#[A-Za-z0-9_-]{22}$/);
    expect(withRequestSession({ session: null, clientAddress: "" }, () => readerIdentity("embedded").key)).toBe("embedded");
  });

  it("runs the reader's later ticks as the user it was started for", () => {
    const identity = asProxied("jane", ["dev"], () => readerIdentity("embedded"));
    expect(currentProxiedUser()).toBeNull();
    expect(identity.run(() => currentProxiedUser())).toEqual({ username: "jane", groups: ["dev"] });
    expect(asProxied("joe", [], () => identity.run(() => currentProxiedUser()?.username))).toBe("jane");
  });
});
