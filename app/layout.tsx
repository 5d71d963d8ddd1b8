import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Knative Console", template: "%s · Knative Console" },
  description: "Knative Serving services, revisions and traffic, live from your clusters.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page, the 404 page included, renders per request: its scripts carry that request's
  // CSP nonce (proxy.ts), which a page prerendered at build time could not.
  await connection();
  return (
    <html lang="en">
      <body className="antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
