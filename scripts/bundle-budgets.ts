// The first-load JavaScript budgets of the console's main pages, gzip, kB = 1,000 bytes. One list
// for the check `npm test` runs on the build (scripts/check-bundle-budgets.ts) and for the bench
// that loads the pages in Chromium (bench/console-bundle.ts), so the two never disagree on what
// a page is or what it may weigh.

export interface PageBudget {
  /** The page as the README and a user call it. */
  page: string;
  /** Its app route, as the folders under app/ spell it. */
  route: string;
  budgetKb: number;
}

export const PAGE_BUDGETS: readonly PageBudget[] = [
  // The Knative page opens on its Components tab; the Services tab is the same route.
  { page: "Services page", route: "/clusters/[cluster]/knative", budgetKb: 180 },
  { page: "Service page", route: "/clusters/[cluster]/knative/services/[namespace]/[name]", budgetKb: 185 },
  { page: "Revision page", route: "/clusters/[cluster]/knative/services/[namespace]/[name]/revisions/[revision]", budgetKb: 180 },
];

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
