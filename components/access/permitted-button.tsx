"use client";

// A button for an action the cluster may refuse. When the acting identity lacks the permission
// it stays in place, focusable and announced as disabled (aria-disabled, so pointer and focus
// still reach it and the reason can be read), does nothing when pressed, and says why on hover
// and focus: the permission the cluster does not grant, not a guess from role names. The reason
// is also the button's accessible description, so a screen reader says it with the button.

import { type ButtonHTMLAttributes, useId } from "react";
import { Hint } from "@/components/ui/tooltip";

export interface PermittedButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Why the action is not allowed (a sentence); undefined when it is. */
  denial?: string;
}

export function PermittedButton({ denial, onClick, className, ...rest }: PermittedButtonProps) {
  const reasonId = useId();
  if (!denial) return <button type="button" className={className} onClick={onClick} {...rest} />;
  return (
    <Hint focusable={false} content={denial}>
      <button
        type="button"
        {...rest}
        aria-disabled
        aria-haspopup={undefined}
        aria-describedby={reasonId}
        className={`${className ?? ""} cursor-not-allowed opacity-50`}
        onClick={(e) => e.preventDefault()}
      />
      <span id={reasonId} hidden>
        {denial}
      </span>
    </Hint>
  );
}
