import { describe, expect, it } from "vitest";
import {
  invalidValueMessage,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isFullyQualifiedDomainName,
  isLabelValue,
  isQualifiedName,
  nameIsDNS1035Label,
} from "./k8s-validation";

const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

describe("apimachinery name checks", () => {
  it("DNS-1035 labels, with the double space apimachinery prints", () => {
    expect(isDNS1035Label("hello-world")).toEqual([]);
    expect(isDNS1035Label("1abc")).toEqual([DNS1035]);
    expect(isDNS1035Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(isDNS1035Label("A".repeat(64))).toEqual(["must be no more than 63 characters", DNS1035]);
  });

  it("generateName prefixes may end in a dash", () => {
    expect(nameIsDNS1035Label("hello-", true)).toEqual([]);
    expect(nameIsDNS1035Label("hello-", false)).toEqual([DNS1035]);
  });

  it("DNS-1123 labels and subdomains", () => {
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
    expect(isDNS1123Subdomain("default")).toEqual([]);
    expect(isDNS1123Subdomain("Bad_Name")).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
  });

  it("qualified names and label values", () => {
    expect(isQualifiedName("example.com/MyName")).toEqual([]);
    expect(isQualifiedName("b ar")).toEqual([
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ]);
    expect(isQualifiedName("/x")).toEqual(["prefix part must be non-empty"]);
    expect(isLabelValue("")).toEqual([]);
    expect(isLabelValue("-x")).toHaveLength(1);
  });

  it("words an invalid string value as field.Error's body", () => {
    expect(invalidValueMessage("Bad_Name", "must be lower case")).toBe('Invalid value: "Bad_Name": must be lower case');
  });

  it("fully qualified domain names: one error, problems joined with commas, the first bad label only", () => {
    expect(isFullyQualifiedDomainName("url", "hello.default.example.com.")).toEqual([]);
    expect(isFullyQualifiedDomainName("url", "")).toEqual(["url: Required value"]);
    expect(isFullyQualifiedDomainName("url", "localhost")).toEqual(['url: Invalid value: "localhost": should be a domain with at least two segments separated by dots']);
    const long = "a".repeat(64);
    expect(isFullyQualifiedDomainName("url", `${long}.${long}.com`)).toEqual([`url: Invalid value: "${long}": must be no more than 63 characters`]);
    const tooLongAndUpper = `${"A".repeat(250)}.com`;
    expect(isFullyQualifiedDomainName("url", tooLongAndUpper)).toEqual([
      `url: Invalid value: "${tooLongAndUpper}": must be no more than 253 characters,${isDNS1123Subdomain("A")[0]}`,
    ]);
  });
});
