import { z } from 'zod';
import { MAX_PREP_MINUTES, MIN_PREP_MINUTES, rejectReasons } from '../domain/order-answer';
import { orderActors, orderEventKinds, orderStatuses } from '../domain/order-machine';
import { id, MAX_INT4, rowVersion, text, timestamp } from './common';
import { landmark, latLng } from './geo';
import { orderPayment, paymentMethod } from './payments';

export const orderStatus = z.enum(orderStatuses);
export const orderActor = z.enum(orderActors);
export const rejectReason = z.enum(rejectReasons);
export const prepMinutes = z.number().int().min(MIN_PREP_MINUTES).max(MAX_PREP_MINUTES);

/** Replays of the same key return the first answer; a client makes one key per action it means to take once. */
export const idempotencyKey = z.string().regex(/^[\w.:-]{8,128}$/, 'must be 8 to 128 letters, digits or _ . : -');
export const idempotencyHeaders = z.object({ 'idempotency-key': idempotencyKey });
export const optionalIdempotencyHeaders = z.object({ 'idempotency-key': idempotencyKey.optional() });

export const deliveryAddress = z.strictObject({
  label: z.string().trim().max(40).default(''),
  text: text(300),
  location: latLng,
  landmark: landmark.optional(),
});
export type DeliveryAddress = z.infer<typeof deliveryAddress>;

export const MAX_ORDER_LINES = 50;

export const placeOrderRequest = z.strictObject({
  store_id: id,
  items: z
    .array(
      z.strictObject({
        product_id: id,
        quantity: z.number().int().min(1).max(99),
        /** The price the customer saw: a different price now refuses the order with PRICE_CHANGED. */
        unit_price_paise: z.number().int().positive().max(MAX_INT4),
      }),
    )
    .min(1)
    .max(MAX_ORDER_LINES)
    .refine((items) => new Set(items.map((item) => item.product_id)).size === items.length, {
      message: 'name each product once',
    }),
  delivery_address: deliveryAddress,
  payment_method: paymentMethod,
  note: z.string().trim().max(500).optional(),
});
export type PlaceOrderRequest = z.infer<typeof placeOrderRequest>;

export const orderItem = z.object({
  product_id: id,
  name: z.string(),
  unit: z.string(),
  unit_price_paise: z.number().int(),
  quantity: z.number().int(),
  line_total_paise: z.number().int(),
});

export const orderEvent = z.object({
  order_id: id,
  seq: z.number().int(),
  /** A move between states, or a change within one (`status` equals `from_status`: a rider taken early). */
  kind: z.enum(orderEventKinds),
  status: orderStatus,
  /** Absent for the order's first event. */
  from_status: orderStatus.nullable(),
  actor: orderActor,
  /** In plain words, as the customer reads it (a rejection's from its reason on the list). */
  reason: z.string().nullable(),
  /** A rejection's reason from the list. */
  reason_code: rejectReason.nullable(),
  /** When the person acted (their phone's clock, if the action waited offline). */
  occurred_at: timestamp,
  /** When the server received it. */
  recorded_at: timestamp,
});
export type OrderEvent = z.infer<typeof orderEvent>;

const party = z.object({ id, name: z.string(), phone: z.string().nullable() });

export const orderSummary = z.object({
  id,
  status: orderStatus,
  version: z.number().int(),
  store: z.object({ id, name: z.string() }),
  customer: z.object({ id, name: z.string() }),
  item_count: z.number().int(),
  total_paise: z.number().int(),
  /** Cash to the rider at the door, or paid online: a list says which. */
  payment_method: paymentMethod,
  placed_at: timestamp,
  updated_at: timestamp,
  /** Whether someone at the shop has opened or answered it: the seller app rings for a new order until then. */
  seen: z.boolean(),
  /** While the order waits for the shop: when it will be cancelled if nobody answers. */
  answer_by: timestamp.nullable(),
  /** Once accepted: the shop's preparation time, when it will be ready and about when it reaches the door. */
  prep_minutes: z.number().int().nullable(),
  ready_by: timestamp.nullable(),
  arrives_by: timestamp.nullable(),
});
export type OrderSummary = z.infer<typeof orderSummary>;

export const order = orderSummary.extend({
  store: z.object({ id, name: z.string(), phone: z.string().nullable(), address: z.string(), location: latLng }),
  customer: party,
  rider: party.nullable(),
  items: z.array(orderItem),
  subtotal_paise: z.number().int(),
  delivery_fee_paise: z.number().int(),
  payment: orderPayment,
  delivery_address: z.object({
    label: z.string(),
    text: z.string(),
    location: latLng,
    /** Null when the customer gave none; absent in orders cached before landmarks existed. */
    landmark: z.string().nullable().optional(),
  }),
  distance_m: z.number().int(),
  note: z.string().nullable(),
  /** Only in the customer's own view, until the order is delivered: they read it out to the rider. */
  delivery_otp: z.string().optional(),
  timeline: z.array(orderEvent),
});
export type Order = z.infer<typeof order>;

export const orderList = z.object({ items: z.array(orderSummary), next_cursor: z.string().nullable() });

export const orderListQuery = z.object({
  /** One status or several, comma-separated (`status=A,B`). */
  status: z
    .string()
    .transform((value) => value.split(','))
    .pipe(z.array(orderStatus).max(orderStatuses.length))
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});

export const transitionRequest = z
  .strictObject({
    to: orderStatus,
    /** A reason the customer reads: a failure's, or a rejection's own words with `reject_reason: other`. */
    reason: text(300).optional(),
    /** ACCEPTED by the shop: minutes until the order is ready. */
    prep_minutes: prepMinutes.optional(),
    /** REJECTED by the shop: why, from the list (`other` needs `reason`). */
    reject_reason: rejectReason.optional(),
    otp: z
      .string()
      .regex(/^\d{4}$/, 'must be the 4 digits the customer has')
      .optional(),
    /** DELIVERED, cash on delivery: the cash the rider confirms they took (it must be the total). */
    cash_collected_paise: z.number().int().positive().max(10_000_000).optional(),
    /** The rider taking the order (RIDER_ASSIGNED only). */
    rider_id: id.optional(),
    /** The order version the person saw: if it moved on since, the answer is 409 with the order as it is. */
    version: rowVersion.optional(),
    /** When the person acted; an action that waited offline carries the time it was taken. */
    occurred_at: timestamp.optional(),
  })
  .refine((move) => move.reject_reason !== 'other' || move.reason, {
    path: ['reason'],
    message: 'say why in words when the reason is other',
  });
export type TransitionRequest = z.infer<typeof transitionRequest>;

/** The current state of each product named by a refused order, so the app can refresh the cart. */
export const cartItemState = z.object({
  product_id: id,
  name: z.string().nullable(),
  price_paise: z.number().int().nullable(),
  seen_price_paise: z.number().int(),
  requested: z.number().int(),
  available: z.number().int(),
});
export type CartItemState = z.infer<typeof cartItemState>;
