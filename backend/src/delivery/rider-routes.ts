import { activeStatuses, cashToCollect, riderEarningPaise, routes } from '@kupwara/shared';
import type { FastifyPluginAsync } from 'fastify';
import { riderAvailability, setRiderAvailability } from '../accounts/users';
import { deliveredBy, listOrders } from '../orders/order-queries';
import { cashHeldBy } from '../payments/cash';
import { route } from '../platform/http/route';
import { acceptOffer, type DispatchDeps, declineOffer, openOffersOf } from './dispatch';
import type { PositionIngest } from './positions';

/** What a rider's phone sends: whether they take work, and where they are. */
export const riderRoutes: FastifyPluginAsync<DispatchDeps & { positions: PositionIngest }> = async (app, deps) => {
  const { db, positions } = deps;

  route(app, routes.riderStatusNow, async ({ user }) => ({
    status: (await riderAvailability(db, user.id)) ? ('online' as const) : ('offline' as const),
  }));

  route(app, routes.setRiderStatus, async ({ user, body }) => {
    await setRiderAvailability(db, user.id, body.status === 'online');
    return { status: body.status };
  });

  route(app, routes.sendLocations, async ({ user, body }) => positions.record(user.id, body.points));

  route(app, routes.riderAssignments, async ({ user }) => {
    const [offers, deliveries] = await Promise.all([
      openOffersOf(db, user.id),
      listOrders(db, user, { status: [...activeStatuses], limit: 100 }),
    ]);
    return { offers, deliveries: deliveries.items };
  });

  route(app, routes.acceptOffer, async ({ user, params }) => acceptOffer(deps, user.id, params.id));

  route(app, routes.declineOffer, async ({ user, params }) => {
    await declineOffer(deps, user.id, params.id);
    return null;
  });

  route(app, routes.riderEarnings, async ({ user }) => {
    const now = new Date();
    const [delivered, held] = await Promise.all([
      deliveredBy(db, user.id, new Date(now.getTime() - 7 * 24 * 3600_000)),
      cashHeldBy(db, user.id),
    ]);
    const deliveries = delivered.map((order) => ({
      order_id: order.id,
      store_name: order.storeName,
      delivered_at: order.deliveredAt.toISOString(),
      distance_m: order.distanceM,
      earning_paise: riderEarningPaise(order.distanceM),
      cash_paise: cashToCollect(order.paymentMethod, order.totalPaise),
    }));
    // "Today" in the town's time zone, where riders work.
    const day = (date: Date) => date.toLocaleDateString('en-CA', { timeZone: 'Asia/Kolkata' });
    const today = deliveries.filter((d) => day(new Date(d.delivered_at)) === day(now));
    const sum = (list: typeof deliveries, part: 'earning_paise' | 'cash_paise') =>
      list.reduce((total, d) => total + d[part], 0);
    return {
      today_paise: sum(today, 'earning_paise'),
      week_paise: sum(deliveries, 'earning_paise'),
      cash_today_paise: sum(today, 'cash_paise'),
      // The ledger's: every cash delivery's row, less the hand-overs recorded (GET /rider/cash has the detail).
      cash_held_paise: held,
      deliveries,
    };
  });
};
