/** The confirming button of a deletion: the console's primary button, in red. */
export const DANGER_BUTTON_CLASS =
  "inline-flex items-center gap-1.5 rounded bg-red-600 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-red-700 disabled:opacity-50";
