// Who the console acts as, from the request on the server: with --auth token the name the
// cluster gave the signed-in token (never the token), with --auth proxy the user the
// authenticating proxy named, whose sign-out is the proxy's (a link, when one is configured).
// Nothing in local mode. Names are rendered as text.

import { UserRound } from "lucide-react";
import { proxySignOutUrl } from "@/lib/auth/proxy-config";
import { currentProxiedUser, currentSession } from "@/lib/auth/request-session";
import { SignOutButton } from "./sign-out-button";

const SIGN_OUT_CLASS = "rounded px-2 py-1 text-[13px] text-white/80 hover:bg-white/10 hover:text-white";

export function SessionMenu() {
  const session = currentSession();
  const proxied = currentProxiedUser();
  const username = session?.user.username ?? proxied?.username;
  if (!username) return null;
  const proxySignOut = proxied ? proxySignOutUrl() : undefined;
  return (
    <div role="group" aria-label={`Signed in as ${username}`} className="ml-auto flex items-center gap-2 text-[13px]">
      <UserRound aria-hidden className="size-4 text-white/60" />
      <span className="text-white/60">Signed in as</span>
      <span className="font-medium" title={proxied?.groups.length ? `Groups: ${proxied.groups.join(", ")}` : undefined}>
        {username}
      </span>
      {session ? <SignOutButton /> : null}
      {proxySignOut ? (
        <a href={proxySignOut} className={SIGN_OUT_CLASS}>
          Sign out
        </a>
      ) : null}
    </div>
  );
}
