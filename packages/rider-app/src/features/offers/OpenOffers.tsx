/** The offers open now, on the Work tab. */
export function OpenOffers() {
  return null;
}
