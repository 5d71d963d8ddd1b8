// The name the Create Revision wizard suggests for a new revision: the Service's name and the
// next number after the highest one its revisions carry (helloworld-go-00001 → -00002), the
// form Knative itself gives revisions. Knative requires a chosen name to start with
// `<service>-` (validateRevisionName), which this one does.

import { revisionName } from "./naming";

export function nextRevisionName(service: string, existing: Iterable<string>): string {
  let highest = 0;
  for (const name of existing) {
    const match = /-(\d+)$/.exec(name);
    if (!match) continue;
    const n = Number(match[1]);
    // Knative's own names, and chosen names of the same form.
    if (name === revisionName(service, n) || name === `${service}-${match[1]}`) highest = Math.max(highest, n);
  }
  return revisionName(service, highest + 1);
}
