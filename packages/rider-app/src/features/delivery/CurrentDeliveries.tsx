/** The deliveries the rider carries now, on the Work tab: each opens its current step. */
export function CurrentDeliveries() {
  return null;
}
