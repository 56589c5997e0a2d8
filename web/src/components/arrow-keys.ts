// Arrow keys move between the buttons of a list, Home and End jump to its ends: every list of
// units or items reads with the keyboard the way a screen-reader user expects a list to.
export function moveFocusInList(event: KeyboardEvent): void {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  const list = event.currentTarget;
  if (!(list instanceof HTMLElement)) return;
  const buttons = [...list.querySelectorAll<HTMLElement>('button:not([disabled])')];
  if (buttons.length === 0) return;
  const from = event.target instanceof HTMLElement ? event.target.closest('button') : null;
  const at = from === null ? -1 : buttons.indexOf(from);
  let next: number;
  if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = buttons.length - 1;
  else if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, at + 1);
  else next = Math.max(0, at - 1);
  event.preventDefault();
  buttons[next]?.focus();
}
