import type { RingerSound } from '@kupwara/shared/app';

/**
 * The offer's ring: a rising chime of its own (not the shop's bell, so a rider who also keeps a shop
 * knows which it is), and on phones short quick buzzes, distinct from a call's long ones.
 */
export const offerBell: RingerSound = {
  sound: require('../../../assets/offer.wav'),
  buzz: [0, 250, 150, 250, 600],
};
