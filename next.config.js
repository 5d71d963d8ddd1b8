// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // client-node pulls in node-fetch, ws and friends; keep it out of the server bundle and load
  // it from node_modules at run time.
  serverExternalPackages: ["@kubernetes/client-node"],
  // .next/standalone: the server with only the node_modules it uses, for the container image
  // (deploy/Dockerfile). `npm start` keeps running the build from .next as before.
  output: "standalone",
  reactStrictMode: true,
  poweredByHeader: false,
  // Security headers are not set here: the console's HTTP front (lib/http/console-front.ts)
  // gives them to every response, including those Next never sees or answers with a plain 500,
  // and proxy.ts gives pages their nonce-based Content-Security-Policy.
};

export default nextConfig;
