// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // client-node pulls in node-fetch, ws and friends; keep it out of the server bundle and load
  // it from node_modules at run time (shared/DESIGN.md, "Known traps").
  serverExternalPackages: ["@kubernetes/client-node"],
  reactStrictMode: true,
  poweredByHeader: false,
  // The console is a local tool that talks to clusters; it serves its own origin only.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
