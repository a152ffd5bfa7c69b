"use client";

import { useEffect, type RefObject } from "react";

/**
 * While a popover or menu is open: Escape closes it and returns focus to the button that opened it; a
 * pointer press outside both closes it and leaves focus where the press put it.
 */
export function useDismiss({
  open,
  button,
  panel,
  onDismiss,
}: {
  open: boolean;
  button: RefObject<HTMLElement | null>;
  panel: RefObject<HTMLElement | null>;
  onDismiss: (focusButton: boolean) => void;
}) {
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      onDismiss(true);
    };
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panel.current?.contains(target) || button.current?.contains(target)) return;
      onDismiss(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, button, panel, onDismiss]);
}
