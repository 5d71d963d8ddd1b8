// ServiceAccount tokens as kube-apiserver issues them for a TokenRequest (kubectl create token):
// JWTs signed with the data dir's key (ES256), whose claims name the ServiceAccount and its uid
// (pkg/serviceaccount/claims.go), for the API server's audience, valid for
// spec.expirationSeconds. Nothing is stored: a token is checked by its signature, its expiry and
// its audience, and then, as kube-apiserver's validator does, against what exists now: the
// ServiceAccount (and the Pod or Secret it is bound to) must still exist with the uid of the
// claim, so deleting one revokes its tokens.
//
// The user it authenticates is system:serviceaccount:{ns}:{name}, uid the ServiceAccount's, in
// system:serviceaccounts, system:serviceaccounts:{ns} and system:authenticated, with the
// credential id among its extra fields.

import crypto, { randomUUID } from "node:crypto";
import type { KubeObject } from "../../lib/knative/types";
import { PODS, SECRETS } from "../core/resources";
import type { ObjectReader } from "./rule-resolver";
import { SERVICE_ACCOUNTS } from "./resource-types";
import { ALL_AUTHENTICATED, serviceAccountGroups, serviceAccountUsername, type UserInfo } from "./user";

/** kube-apiserver's --service-account-issuer default, which is also its --api-audiences. */
export const ISSUER = "https://kubernetes.default.svc.cluster.local";
export const API_AUDIENCES = [ISSUER];
const CREDENTIAL_ID = "authentication.kubernetes.io/credential-id";

export interface BoundObject {
  kind: "Pod" | "Secret";
  name: string;
  uid: string;
}

interface Claims {
  aud: string[];
  exp: number;
  iat: number;
  nbf: number;
  iss: string;
  jti: string;
  sub: string;
  "kubernetes.io": {
    namespace: string;
    serviceaccount: { name: string; uid: string };
    pod?: { name: string; uid: string };
    secret?: { name: string; uid: string };
  };
}

const b64 = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export class ServiceAccountTokens {
  private readonly publicKey: crypto.KeyObject;
  private readonly keyId: string;

  constructor(private readonly key: crypto.KeyObject) {
    this.publicKey = crypto.createPublicKey(key);
    // As kube-apiserver names a key: the SHA-256 of its DER public key, base64url (serviceaccount.keyIDFromPublicKey).
    this.keyId = b64(crypto.createHash("sha256").update(this.publicKey.export({ type: "spki", format: "der" })).digest());
  }

  issue(opts: { namespace: string; name: string; uid: string; audiences: string[]; expirationSeconds: number; bound?: BoundObject; now?: Date }): { token: string; expirationTimestamp: string } {
    const iat = Math.floor((opts.now ?? new Date()).getTime() / 1000);
    const exp = iat + opts.expirationSeconds;
    const k8s: Claims["kubernetes.io"] = { namespace: opts.namespace, serviceaccount: { name: opts.name, uid: opts.uid } };
    if (opts.bound?.kind === "Pod") k8s.pod = { name: opts.bound.name, uid: opts.bound.uid };
    if (opts.bound?.kind === "Secret") k8s.secret = { name: opts.bound.name, uid: opts.bound.uid };
    const claims: Claims = {
      aud: opts.audiences,
      exp,
      iat,
      iss: ISSUER,
      jti: randomUUID(),
      "kubernetes.io": k8s,
      nbf: iat,
      sub: serviceAccountUsername(opts.namespace, opts.name),
    };
    const signingInput = `${b64(JSON.stringify({ alg: "ES256", kid: this.keyId }))}.${b64(JSON.stringify(claims))}`;
    const signature = crypto.sign("sha256", Buffer.from(signingInput), { key: this.key, dsaEncoding: "ieee-p1363" });
    return { token: `${signingInput}.${b64(signature)}`, expirationTimestamp: new Date(exp * 1000).toISOString().replace(/\.\d{3}Z$/, "Z") };
  }

  /** The ServiceAccount user a token stands for, or undefined when it is not one of ours or no longer valid. */
  authenticate(token: string, objects: ObjectReader, now = new Date()): UserInfo | undefined {
    const claims = this.verify(token);
    if (!claims) return undefined;
    const t = Math.floor(now.getTime() / 1000);
    if (claims.iss !== ISSUER || t >= claims.exp || t < claims.nbf) return undefined;
    if (!Array.isArray(claims.aud) || !claims.aud.some((a) => API_AUDIENCES.includes(a))) return undefined;
    const k8s = claims["kubernetes.io"];
    const sa = objects.get(SERVICE_ACCOUNTS, k8s?.namespace, k8s?.serviceaccount?.name ?? "");
    if (!sa || sa.metadata.uid !== k8s.serviceaccount.uid || sa.metadata.deletionTimestamp) return undefined;
    const extra: Record<string, string[]> = { [CREDENTIAL_ID]: [`JTI=${claims.jti}`] };
    if (k8s.pod) {
      if (!stillExists(objects.get(PODS, k8s.namespace, k8s.pod.name), k8s.pod.uid)) return undefined;
      extra["authentication.kubernetes.io/pod-name"] = [k8s.pod.name];
      extra["authentication.kubernetes.io/pod-uid"] = [k8s.pod.uid];
    }
    if (k8s.secret && !stillExists(objects.get(SECRETS, k8s.namespace, k8s.secret.name), k8s.secret.uid)) return undefined;
    return {
      name: serviceAccountUsername(k8s.namespace, k8s.serviceaccount.name),
      uid: k8s.serviceaccount.uid,
      groups: [...serviceAccountGroups(k8s.namespace), ALL_AUTHENTICATED],
      extra,
    };
  }

  private verify(token: string): Claims | undefined {
    const parts = token.split(".");
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    try {
      const h = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { alg?: string; kid?: string };
      if (h.alg !== "ES256" || h.kid !== this.keyId) return undefined;
      const ok = crypto.verify("sha256", Buffer.from(`${header}.${payload}`), { key: this.publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
      return ok ? (JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Claims) : undefined;
    } catch {
      return undefined;
    }
  }
}

const stillExists = (o: KubeObject | undefined, uid: string) => !!o && o.metadata.uid === uid && !o.metadata.deletionTimestamp;
