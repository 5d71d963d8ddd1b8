// What a revision answers. The embedded cluster runs no containers, so each image maps to a
// built-in application (emulator/runtime/images.ts decides which):
//
//   helloworld   `*/helloworld-go` images: the Knative helloworld sample. Every method and path
//                gets 200 `Hello ${TARGET}!\n`, Content-Type `text/plain; charset=utf-8` (what
//                Go's fmt.Fprintf to an http.ResponseWriter produces); TARGET defaults to `World`.
//   generic      any other image: 200 with a one-line JSON document naming what answered,
//                `{"revision":"…","configuration":"…","service":"…","image":"…"}\n` (from the
//                K_REVISION, K_CONFIGURATION, K_SERVICE the container would see), Content-Type
//                `application/json`. Stable per revision, so answers group by body as
//                helloworld's do.
//
// Both honour the failure-injection variables ERROR_RATE, ERROR_STATUS and RESPONSE_DELAY_MS
// (emulator/runtime/failure-injection.ts). The environment comes from the revision's user
// container, ConfigMap and Secret references included (emulator/runtime/container-env.ts).
// Documented in emulator/README.md.

import type { Revision } from "../../lib/knative/types";
import type { ContainerEnv } from "./container-env";
import { userContainerOf } from "../../lib/knative/user-container";
import { FailureSequence, failurePlanFromEnv } from "./failure-injection";
import { isHelloworld } from "./images";

export interface AppResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** Milliseconds the application takes before answering (RESPONSE_DELAY_MS). */
  delayMs: number;
}

/** One revision's application, shared by all its (virtual) pods: the failure sequence is per revision. */
export interface RevisionApp {
  readonly kind: "helloworld" | "generic";
  respond(): AppResponse;
}

const TEXT_PLAIN = "text/plain; charset=utf-8";
const APPLICATION_JSON = "application/json";

export function createRevisionApp(revision: Revision, env: ContainerEnv): RevisionApp {
  const image = userContainerOf(revision).image ?? "";
  const kind = isHelloworld(image) ? "helloworld" : "generic";
  const plan = failurePlanFromEnv(env);
  const failures = new FailureSequence(plan.errorRate);

  // Answers never change for a revision (its spec is immutable), so they are built once.
  const success: AppResponse =
    kind === "helloworld"
      ? { status: 200, contentType: TEXT_PLAIN, body: Buffer.from(`Hello ${env.TARGET || "World"}!\n`), delayMs: plan.delayMs }
      : {
          status: 200,
          contentType: APPLICATION_JSON,
          body: Buffer.from(
            `${JSON.stringify({ revision: env.K_REVISION ?? "", configuration: env.K_CONFIGURATION ?? "", service: env.K_SERVICE ?? "", image })}\n`,
          ),
          delayMs: plan.delayMs,
        };
  const failure: AppResponse = {
    status: plan.errorStatus,
    contentType: TEXT_PLAIN,
    body: Buffer.from(`injected failure: ${env.K_REVISION ?? ""} answers ${plan.errorStatus} to ERROR_RATE=${plan.errorRateText ?? ""} of requests\n`),
    delayMs: plan.delayMs,
  };

  return {
    kind,
    respond: () => (failures.nextFails() ? failure : success),
  };
}
