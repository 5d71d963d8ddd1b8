import { describe, expect, it } from "vitest";
import { routeTagName } from "./route-tag";

describe("routeTagName", () => {
  // knative/serving pkg/queue/routetag_handler_test.go TestRouteTagHandler, and the cases between.
  it.each([
    ["tag route", "test-tag", "", "test-tag"],
    ["default route", "", "true", "kn:default"],
    ["undefined: a tag header on the default route", "test-tag", "true", "kn:undefined"],
    ["disabled: neither header", "", "", "kn:disabled"],
    ["a default-route header other than true", "", "false", "kn:default"],
    ["a tag with a default-route header other than true", "test-tag", "false", "test-tag"],
  ])("%s", (_, tag, defaultRoute, expected) => {
    expect(routeTagName(tag, defaultRoute)).toBe(expected);
  });
});
