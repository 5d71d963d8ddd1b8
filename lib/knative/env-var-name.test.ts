import { describe, expect, it } from "vitest";
import { ENV_VAR_NAME_MESSAGE, isEnvVarName } from "./env-var-name";

describe("isEnvVarName", () => {
  it("accepts printable ASCII, dots, dashes and leading digits", () => {
    for (const name of ["TARGET", "my.env-name", "1ST", "a b", "~!@#"]) expect(isEnvVarName(name)).toEqual([]);
  });

  it("refuses '=', control characters, non-ASCII and the empty name", () => {
    for (const name of ["A=B", "TAB\t", "ÄRGER", ""]) expect(isEnvVarName(name)).toEqual([ENV_VAR_NAME_MESSAGE]);
  });
});
