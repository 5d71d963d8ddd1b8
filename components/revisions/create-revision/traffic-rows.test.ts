import { describe, expect, it } from "vitest";
import type { Service } from "@/lib/knative/types";
import { checkTrafficRows, planTraffic, rebaseRows } from "./traffic-rows";

const service: Service = {
  metadata: { name: "hello" },
  spec: { template: { spec: { containers: [{ image: "x" }] } }, traffic: [{ latestRevision: true, percent: 100 }] },
  status: { latestReadyRevisionName: "hello-00001", traffic: [{ latestRevision: true, revisionName: "hello-00001", percent: 100 }] },
};

describe("the traffic rows", () => {
  it("start with the new revision at 0 % and the current one pinned at 100 %", () => {
    const { rows, split } = planTraffic(service, ["hello-00001"], "hello-00002");
    expect(rows.map((r) => [r.revisionName, r.isNew, r.percent])).toEqual([
      ["hello-00002", true, "0"],
      ["hello-00001", false, "100"],
    ]);
    expect(split.pinned).toEqual({ revisionName: "hello-00001", percent: 100 });
    const check = checkTrafficRows(rows, "hello-00002", []);
    expect(check.messages).toEqual({});
    expect(check.total).toBe(100);
    expect(check.traffic).toEqual([
      { revisionName: "hello-00002", latestRevision: false, percent: 0 },
      { revisionName: "hello-00001", latestRevision: false, percent: 100 },
    ]);
  });

  it("refuses a sum other than 100 with the webhook's message, and bad percents and tags next to them", () => {
    const { rows } = planTraffic(service, ["hello-00001"], "hello-00002");
    const check = checkTrafficRows([{ ...rows[0]!, percent: "10.5", tag: "Canary" }, { ...rows[1]!, percent: "90" }], "hello-00002", []);
    expect(check.messages).toEqual({
      "traffic.0.percent": ["must be a whole number from 0 to 100"],
      "traffic.0.tag": ["invalid value: not a DNS 1035 label: [a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')]"],
      traffic: ["Traffic targets sum to 90, want 100"],
    });
  });

  it("keep the user's percents for the revisions still there after a conflict", () => {
    const { rows } = planTraffic(service, ["hello-00001"], "hello-00002");
    const mine = [{ ...rows[0]!, percent: "20" }, { ...rows[1]!, percent: "80" }];
    const fresh = planTraffic(service, ["hello-00002", "hello-00001"], "hello-00003").rows;
    expect(rebaseRows(mine, fresh).map((r) => [r.revisionName, r.percent])).toEqual([
      ["hello-00003", "20"],
      ["hello-00002", "0"],
      ["hello-00001", "80"],
    ]);
  });
});
