import { describe, expect, it } from "vitest";
import {
  FieldError,
  also,
  errDisallowedFields,
  errGeneric,
  errInvalidArrayValue,
  errInvalidKeyName,
  errInvalidValue,
  errMissingField,
  errMissingOneOf,
  errMultipleOneOf,
  errOutOfBoundsValue,
  goQuote,
  renderErrors,
  renderWarnings,
} from "./field-error";

describe("FieldError (knative.dev/pkg apis/field_error.go)", () => {
  it("prefixes paths and glues indices and keys onto the field before them", () => {
    expect(errMissingField("image").viaFieldIndex("containers", 0).viaField("spec").render()).toBe("missing field(s): spec.containers[0].image");
    expect(errMissingField("name").viaIndex(1).viaIndex(0).viaField("foo").render()).toBe("missing field(s): foo[0][1].name");
    expect(errGeneric("bad", "x").viaKey("my/key").viaField("annotations").render()).toBe("bad: annotations[my/key].x");
    expect(errGeneric("bad", "").viaFieldKey("bag", "k").render()).toBe("bad: bag[k]");
  });

  it("renders ErrInvalidArrayValue's odd `field[i]` path under the current field", () => {
    expect(errInvalidArrayValue("nope", "tag", 2).viaField("traffic").viaField("spec").render()).toBe("invalid value: nope: spec.traffic.tag[2]");
  });

  it("merges leaves with the same message and details, sorting paths and then messages bytewise", () => {
    const err = also(
      errGeneric("b message", "z.path"),
      errGeneric("B message", "a.path"),
      errGeneric("b message", "a.path"),
      errGeneric("b message", "z.path"),
    );
    expect(err?.render()).toBe("B message: a.path\nb message: a.path, z.path");
  });

  it("appends details on the next line and keeps different details apart", () => {
    const err = also(errInvalidKeyName("b ar", "revisionName", "d1", "d2"), errInvalidKeyName("b ar", "configurationName", "other"));
    expect(err?.render()).toBe('invalid key name "b ar": revisionName\nd1, d2\ninvalid key name "b ar": configurationName\nother');
  });

  it("has Knative's helper messages", () => {
    expect(errMissingField("a").message).toBe("missing field(s)");
    expect(errDisallowedFields("a").message).toBe("must not set the field(s)");
    expect(errInvalidValue(["a", "b"], "x").message).toBe("invalid value: [a b]");
    expect(errMissingOneOf("a", "b").message).toBe("expected exactly one, got neither");
    expect(errMultipleOneOf("a", "b").message).toBe("expected exactly one, got both");
    expect(errOutOfBoundsValue(-5, 0, 100, "percent").message).toBe("expected 0 <= -5 <= 100");
    expect(errInvalidKeyName('a"b', "k").message).toBe('invalid key name "a\\"b"');
  });

  it("is undefined when nothing is collected, like Go's nil", () => {
    expect(also(undefined, undefined)).toBeUndefined();
    expect(also(undefined, new FieldError({}))).toBeUndefined();
    expect(new FieldError({}).isEmpty()).toBe(true);
  });

  it("splits errors from warnings", () => {
    const err = also(errGeneric("an error", "a"), errGeneric("a warning", "b").at("warning"), errGeneric("a warning", "c").at("warning"));
    expect(renderErrors(err)).toBe("an error: a");
    expect(renderWarnings(err)).toEqual(["a warning: b, c"]);
    expect(err?.filter("warning")?.filter("error")).toBeUndefined();
  });

  it("gives structured leaves for the UI", () => {
    const err = errOutOfBoundsValue(120, 0, 100, "percent").viaIndex(1).viaField("traffic").viaField("spec");
    expect(err.leaves()).toEqual([{ message: "expected 0 <= 120 <= 100", paths: ["spec.traffic[1].percent"], details: "", level: "error" }]);
  });

  it("quotes like Go's %q", () => {
    expect(goQuote("a\tb\n\\")).toBe('"a\\tb\\n\\\\"');
  });
});
