import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports flow one way: app -> components -> lib/queries -> lib/knative and lib/metrics (pure);
// lib/k8s is server-only; emulator/ imports only lib/knative. Nothing outside emulator/
// (other than its tests and bench scripts) may reach into emulator internals.
const noEmulator = {
  group: ["**/emulator/**", "@/emulator/**"],
  message: "The console talks to clusters over HTTP only; never import the embedded cluster.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // lib/knative/proto and emulator/api/proto are generated from proto/ (npm run generate:proto).
    ignores: [".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "lib/knative/proto/**", "emulator/api/proto/**"],
  },
  {
    files: ["app/**", "components/**", "lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [noEmulator] }] },
  },
  {
    files: ["lib/knative/**", "lib/metrics/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            noEmulator,
            { group: ["node:*", "react", "react-dom", "@kubernetes/*", "next", "next/*"], message: "lib/knative and lib/metrics are pure TypeScript." },
            { group: ["**/lib/k8s/**", "@/lib/k8s/**", "**/components/**", "@/components/**"], message: "lib/knative depends on nothing." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**", "lib/queries/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [noEmulator, { group: ["**/lib/k8s/**", "@/lib/k8s/**"], message: "lib/k8s is server-only." }] },
      ],
    },
  },
  {
    files: ["emulator/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/lib/k8s/**", "@/lib/k8s/**", "**/components/**", "@/components/**", "**/app/**", "@/app/**", "**/lib/queries/**"], message: "emulator/ imports only lib/knative." },
          ],
        },
      ],
    },
  },
];

export default config;
