/**
 * What a delivery costs and how long it takes, from the straight-line distance between store and
 * customer. Roads in a hill town wind, so the road distance is taken as 1.3 × the straight line.
 */
export const ROAD_FACTOR = 1.3;
export const BASE_FEE_PAISE = 1_500;
export const PER_KM_PAISE = 600;
/** The base fee covers the first kilometre of road. */
export const INCLUDED_KM = 1;
/** Riders on two-wheelers in town traffic. */
export const RIDER_SPEED_KMH = 18;
export const PREPARATION_MINUTES = 15;

/** Delivery fee in paise: the base, plus each started half kilometre of road beyond the first kilometre. */
export function deliveryFeePaise(distanceM: number): number {
  const roadKm = (distanceM / 1000) * ROAD_FACTOR;
  const extraHalfKm = Math.max(0, Math.ceil((roadKm - INCLUDED_KM) * 2));
  return BASE_FEE_PAISE + extraHalfKm * (PER_KM_PAISE / 2);
}

/** Minutes from placing the order to the door: preparation plus the ride, rounded up to 5 minutes. */
export function deliveryEtaMinutes(distanceM: number, preparationMinutes = PREPARATION_MINUTES): number {
  const rideMinutes = ((distanceM / 1000) * ROAD_FACTOR * 60) / RIDER_SPEED_KMH;
  return Math.ceil((preparationMinutes + rideMinutes) / 5) * 5;
}

export const RIDER_BASE_PAISE = 2_000;
export const RIDER_PER_KM_PAISE = 800;

/** What a rider earns for one delivery: a base, plus each started 100 m of road from the shop to the door. */
export function riderEarningPaise(distanceM: number): number {
  const roadKm = (distanceM / 1000) * ROAD_FACTOR;
  return RIDER_BASE_PAISE + Math.ceil(roadKm * 10) * (RIDER_PER_KM_PAISE / 10);
}

/**
 * A rider this near the shop by road has arrived: a phone's fix in a lane between houses wanders
 * by a few tens of metres, and a rider at the counter should not read "40 m away".
 */
export const ARRIVED_AT_SHOP_M = 75;

/** The way left for a rider riding to the shop, and whether they are there; null once they have the goods. */
export function approachToShop(position: {
  toward: 'store' | 'customer';
  distance_m: number;
  eta_seconds: number;
  recorded_at: string;
}): { distance_m: number; eta_seconds: number; arrived: boolean; recorded_at: string } | null {
  if (position.toward !== 'store') return null;
  const arrived = position.distance_m <= ARRIVED_AT_SHOP_M;
  return {
    distance_m: position.distance_m,
    eta_seconds: arrived ? 0 : position.eta_seconds,
    arrived,
    recorded_at: position.recorded_at,
  };
}

/** What the rider takes at the door: the whole total when the customer pays cash, else nothing. */
export const cashToCollect = (paymentMethod: string, totalPaise: number) => (paymentMethod === 'cash' ? totalPaise : 0);
