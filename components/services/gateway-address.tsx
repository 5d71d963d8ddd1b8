// The Service's ingress gateway address in its Basic Information, or why there is none to show:
// a cluster that would not let the console read its gateway Services is said to, not shown as
// having no gateway.

import type { GatewayInfo } from "@/lib/queries/api-types";
import { Hint } from "@/components/ui/tooltip";

export function GatewayAddress({ gateway }: { gateway: GatewayInfo | undefined }) {
  if (gateway?.address) return <span className="font-mono text-xs">{gateway.address}</span>;
  if (gateway?.forbidden) {
    return (
      <Hint content={gateway.forbidden.join(" ")}>
        <span className="text-muted underline decoration-dotted">Not readable with your permissions</span>
      </Hint>
    );
  }
  return <span className="text-muted">-</span>;
}
