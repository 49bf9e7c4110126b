import { useEffect, type RefObject } from 'react';

/**
 * Opens every collapsed <details> inside `root` while the page is printed and closes them again
 * afterwards: Chromium prints a closed <details> without its content whatever the print CSS says,
 * and a printed profile must hold the whole list (e.g. all services of the district).
 */
export function usePrintOpensDetails(root: RefObject<HTMLElement | null>) {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...(root.current?.querySelectorAll<HTMLDetailsElement>('details:not([open])') ?? [])];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [root]);
}
