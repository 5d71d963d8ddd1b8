// The socket addresses an authenticating proxy connects from (--auth proxy): single IPv4 or IPv6
// addresses and CIDR ranges. Only the TCP peer counts, never X-Forwarded-For or any header a
// client could write. Node's BlockList does the matching, and it matches an IPv4-mapped IPv6
// peer (`::ffff:10.0.0.7`, what a dual-stack listener reports for an IPv4 client) against the
// IPv4 entries, as the same client reaching an IPv4-only listener would be.

import net from "node:net";

export interface TrustedSources {
  /** The entries as configured, for the start-up summary. */
  entries: string[];
  includes(address: string | undefined): boolean;
}

/** Splits on commas and white space; throws naming `setting` and the first entry that is not an address or CIDR. */
export function parseTrustedSources(value: string, setting: string): TrustedSources {
  const entries = value.split(/[\s,]+/).filter(Boolean);
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = net.isIP(address);
    const bits = family === 4 ? 32 : 128;
    const invalid = () => new Error(`${setting}: ${JSON.stringify(entry)} is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8).`);
    if (family === 0 || extra !== undefined) throw invalid();
    if (prefix === undefined) {
      list.addAddress(address, family === 4 ? "ipv4" : "ipv6");
      continue;
    }
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) throw invalid();
    list.addSubnet(address, Number(prefix), family === 4 ? "ipv4" : "ipv6");
  }
  return {
    entries,
    includes(address) {
      const family = address ? net.isIP(address) : 0;
      return family !== 0 && list.check(address!, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
