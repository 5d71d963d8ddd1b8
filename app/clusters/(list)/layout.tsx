import type { ReactNode } from "react";
import { AppFrame } from "@/components/layout/app-frame";

// The frame (skip link, top bar, navigation) outside the page's Suspense boundary (loading.tsx):
// the streamed page replaces the skeleton inside <main>, and the frame a keyboard user may
// already be on stays the same element.
export default function ClustersListLayout({ children }: { children: ReactNode }) {
  return <AppFrame>{children}</AppFrame>;
}
