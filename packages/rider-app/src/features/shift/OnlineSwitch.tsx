/** The big online / offline switch at the top of the Work tab. */
export function OnlineSwitch() {
  return null;
}
