const FRAME_ID = 'receipt-print-frame';

/**
 * Prints the page through the browser's dialog from a hidden frame, so its own `@page` size (the
 * roll's width) applies and the app's screen is not what prints. The frame stays until the next
 * print: the dialog may still be reading it.
 */
export function printHtml(html: string): Promise<void> {
  document.getElementById(FRAME_ID)?.remove();
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.title = 'receipt';
  frame.setAttribute('aria-hidden', 'true');
  Object.assign(frame.style, { position: 'fixed', width: '0', height: '0', border: '0', right: '0', bottom: '0' });
  return new Promise((resolve) => {
    frame.onload = () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      resolve();
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
