import Link from "next/link";
import { revisionColor } from "./revision-color";

/** A revision's name with its colour swatch; a link when `href` is given. Never broken at its hyphens. */
export function RevisionName({ name, href }: { name: string; href?: string }) {
  const swatch = <span aria-hidden className="inline-block size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: revisionColor(name) }} />;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      {swatch}
      {href ? (
        <Link href={href} className="text-brand hover:underline">
          {name}
        </Link>
      ) : (
        <span>{name}</span>
      )}
    </span>
  );
}
