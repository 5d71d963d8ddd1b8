import { describe, expect, it } from "vitest";
import { parseServicesFilters, servicesFiltersQuery } from "./services-filters";

describe("services filters in the URL", () => {
  it("defaults to the context's namespace, name order, first page", () => {
    expect(parseServicesFilters({}, "default")).toEqual({ namespace: "default", search: "", sort: { column: "name", desc: false }, page: 1 });
  });

  it("reads all namespaces, search, sort and page", () => {
    const params = new URLSearchParams("namespace=all&q=%20hello%20&sort=created.desc&page=3");
    expect(parseServicesFilters(params, "default")).toEqual({ namespace: null, search: "hello", sort: { column: "created", desc: true }, page: 3 });
  });

  it("ignores an unknown sort column and a bad page", () => {
    expect(parseServicesFilters({ sort: "evil", page: "-2" }, "default")).toMatchObject({ sort: { column: "name", desc: false }, page: 1 });
  });

  it("round-trips and keeps unrelated parameters", () => {
    const filters = { namespace: null, search: "hello world", sort: { column: "status" as const, desc: true }, page: 2 };
    const query = servicesFiltersQuery(filters, new URLSearchParams("tab=services"));
    expect(query).toBe("?tab=services&namespace=all&q=hello+world&sort=status.desc&page=2");
    expect(parseServicesFilters(new URLSearchParams(query.slice(1)), "default")).toEqual(filters);
  });

  it("leaves defaults out of the URL", () => {
    expect(servicesFiltersQuery({ namespace: "default", search: "", sort: { column: "name", desc: false }, page: 1 })).toBe("?namespace=default");
  });
});
