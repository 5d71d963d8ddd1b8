import { Fragment } from "react";

/** Long URLs and image references wrap at their separators (after "/", ".", ":", "@"), not mid-word. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[/.:@])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? <wbr /> : null}
        </Fragment>
      ))}
    </>
  );
}
