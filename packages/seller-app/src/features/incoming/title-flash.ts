/** While `on`, the browser tab's title blinks `alert`, so a new order shows on a tab in the background. Returns the stop. */
export function flashTitle(alert: string): () => void {
  if (typeof document === 'undefined') return () => undefined;
  const original = document.title;
  let showing = false;
  const timer = setInterval(() => {
    showing = !showing;
    document.title = showing ? alert : original;
  }, 800);
  return () => {
    clearInterval(timer);
    document.title = original;
  };
}
