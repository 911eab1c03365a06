import type { Order } from '@kupwara/shared';
import { formatPaise } from '@kupwara/shared/ui';
import { messages } from '../../messages';

export const paperWidths = [58, 80] as const;
export type PaperWidth = (typeof paperWidths)[number];

const words = messages.order.receipt;

/** What fits on the roll: the printer leaves about 5 mm each side, and a 12 px monospace character is ~1.8 mm. */
const printable: Record<PaperWidth, { widthMm: number; fontPx: number }> = {
  58: { widthMm: 48, fontPx: 12 },
  80: { widthMm: 72, fontPx: 13 },
};

/** The order's number as the counter calls it out: the last six characters of its id (its first ones are the time). */
export const shortOrderId = (id: string) => id.replace(/-/g, '').slice(-6).toUpperCase();

const html = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const pad = (value: number) => String(value).padStart(2, '0');
/** "02/12/2026 14:05" on the device's clock: the counter's own time. */
const stamp = (iso: string) => {
  const at = new Date(iso);
  return `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
};

/**
 * A receipt and kitchen ticket for a thermal roll of `width` mm, as a whole HTML document for the
 * platform's print dialog (`expo-print` on phones, the browser's print on the web). Pure: the same
 * order and width give the same page.
 */
export function receiptHtml(order: Order, width: PaperWidth): string {
  const { widthMm, fontPx } = printable[width];
  const row = (label: string, amount: string, strong = false) =>
    `<tr${strong ? ' class="strong"' : ''}><td colspan="2">${html(label)}</td><td class="num">${html(amount)}</td></tr>`;
  const lines = order.items
    .map(
      (item) =>
        `<tr><td class="qty">${item.quantity}×</td><td class="name">${html(item.name)}<br><small>${html(item.unit)} @ ${html(formatPaise(item.unit_price_paise))}</small></td><td class="num">${html(formatPaise(item.line_total_paise))}</td></tr>`,
    )
    .join('');
  // The counter's copy says how it is paid: cash the rider collects, or paid online already.
  const cash =
    order.payment.method === 'cash'
      ? `<p class="cash">${html(words.cashToCollect(formatPaise(order.total_paise)))}</p>`
      : `<p class="center">${html(words.paidOnline)}</p>`;
  const note = order.note ? `<p class="note"><b>${html(words.note)}:</b> ${html(order.note)}</p>` : '';
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${html(words.title(shortOrderId(order.id)))}</title><style>
@page { size: ${width}mm auto; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 2mm 0; width: ${widthMm}mm; font: ${fontPx}px/1.35 monospace; color: #000; }
h1 { font-size: ${fontPx + 4}px; margin: 0; text-align: center; overflow-wrap: anywhere; }
p { margin: 1mm 0; overflow-wrap: anywhere; }
.center { text-align: center; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 2mm 0; }
td { vertical-align: top; padding: 0.5mm 0; overflow-wrap: anywhere; word-break: break-word; }
.qty { width: 4ch; font-weight: bold; }
.num { width: 9.5ch; text-align: right; white-space: nowrap; }
.strong td { font-weight: bold; border-top: 1px dashed #000; }
.cash { font-weight: bold; font-size: ${fontPx + 2}px; border: 1px solid #000; padding: 1mm; text-align: center; }
.note { border-top: 1px dashed #000; padding-top: 1mm; }
</style></head><body data-width="${width}">
<h1>${html(order.store.name)}</h1>
<p class="center">${html(words.title(shortOrderId(order.id)))}<br>${html(stamp(order.placed_at))}</p>
<p>${html(words.customer)}: ${html(order.customer.name)}<br>${html(order.delivery_address.text)}</p>
<table>${lines}${row(words.subtotal, formatPaise(order.subtotal_paise), true)}${row(words.deliveryFee, formatPaise(order.delivery_fee_paise))}${row(words.total, formatPaise(order.total_paise), true)}</table>
${cash}${note}
</body></html>`;
}
