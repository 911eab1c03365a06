// The part of react-native-razorpay's API the app uses (the package ships no types of its own).
declare module 'react-native-razorpay' {
  export interface RazorpayOptions {
    key: string;
    amount: number;
    currency: string;
    order_id: string;
    name: string;
    description: string;
    prefill?: { name?: string; contact?: string; email?: string };
    theme?: { color?: string };
  }
  export interface RazorpaySuccess {
    razorpay_payment_id: string;
    razorpay_order_id: string;
    razorpay_signature: string;
  }
  /** What `open` rejects with: `code` 2 when the customer closed the checkout. */
  export interface RazorpayFailure {
    code: number;
    description: string;
  }
  const RazorpayCheckout: { open(options: RazorpayOptions): Promise<RazorpaySuccess> };
  export default RazorpayCheckout;
}
