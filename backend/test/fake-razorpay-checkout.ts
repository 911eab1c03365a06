// The browser half of the fake Razorpay (fake-razorpay.ts): its stand-in for checkout.js.

/** The checkout script the browser tests load in place of https://checkout.razorpay.com/v1/checkout.js. */
export const checkoutScript = (base: string) => `(() => {
  const base = ${JSON.stringify(base)};
  function Razorpay(options) {
    if (!(this instanceof Razorpay)) return new Razorpay(options);
    this.options = options;
    this.handlers = {};
  }
  Razorpay.prototype.on = function (event, callback) { (this.handlers[event] ||= []).push(callback); };
  Razorpay.prototype.open = function () {
    const o = this.options;
    const overlay = document.createElement('div');
    overlay.setAttribute('data-testid', 'fake-checkout');
    overlay.style.cssText = 'position:fixed;inset:0;z-index:99999;background:rgba(0,0,0,.55);display:flex;align-items:flex-end;font-family:sans-serif';
    const sheet = document.createElement('div');
    sheet.style.cssText = 'background:#fff;width:100%;padding:20px;box-sizing:border-box;border-radius:12px 12px 0 0';
    const title = document.createElement('div');
    title.textContent = (o.name || 'Checkout') + ' · ' + (o.description || '');
    title.style.cssText = 'font-weight:600;margin-bottom:8px';
    const amount = document.createElement('div');
    amount.textContent = 'Pay ₹' + (o.amount / 100).toFixed(2) + ' with UPI (test gateway)';
    amount.style.cssText = 'margin-bottom:16px';
    const button = (label, testid, colour) => {
      const b = document.createElement('button');
      b.textContent = label;
      b.setAttribute('data-testid', testid);
      b.style.cssText = 'display:block;width:100%;padding:14px;margin-top:8px;border:0;border-radius:8px;font-size:16px;color:#fff;background:' + colour;
      return b;
    };
    const pay = button('Pay', 'fake-checkout-pay', '#0b6b3a');
    const fail = button('Make the payment fail', 'fake-checkout-fail', '#8a5a00');
    const cancel = button('Cancel', 'fake-checkout-cancel', '#555');
    const close = () => overlay.remove();
    const attempt = async (outcome) => {
      const res = await fetch(base + '/v1/test/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key: o.key, order_id: o.order_id, outcome }),
      });
      const answer = await res.json();
      // A refusal (an unknown order, a wrong key) reaches the page as a failed payment, as on Razorpay's.
      return res.ok || answer.error ? answer : { error: { code: 'SERVER_ERROR', description: 'No answer' } };
    };
    pay.onclick = async () => {
      const answer = await attempt('captured');
      close();
      if (answer.error) for (const callback of this.handlers['payment.failed'] || []) callback(answer);
      else if (o.handler) o.handler(answer);
    };
    fail.onclick = async () => {
      const answer = await attempt('failed');
      close();
      for (const callback of this.handlers['payment.failed'] || []) callback(answer);
    };
    cancel.onclick = () => {
      close();
      o.modal && o.modal.ondismiss && o.modal.ondismiss();
    };
    sheet.append(title, amount, pay, fail, cancel);
    overlay.append(sheet);
    document.body.append(overlay);
  };
  window.Razorpay = Razorpay;
})();
`;
