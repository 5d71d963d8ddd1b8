// Who is signed in (--auth token), from the request's session on the server: the name the
// cluster gave, never the token. Nothing in local mode.

import { UserRound } from "lucide-react";
import { currentSession } from "@/lib/auth/request-session";
import { SignOutButton } from "./sign-out-button";

export function SessionMenu() {
  const session = currentSession();
  if (!session) return null;
  return (
    <div className="ml-auto flex items-center gap-2 text-[13px]" aria-label="Signed in">
      <UserRound aria-hidden className="size-4 text-white/60" />
      <span className="text-white/60">Signed in as</span>
      <span className="font-medium" data-testid="signed-in-user">
        {session.user.username}
      </span>
      <SignOutButton />
    </div>
  );
}
