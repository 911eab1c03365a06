import { useOnline, useServices } from '@kupwara/shared/app';
import { ApiError, newKey } from '@kupwara/shared/client';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'expo-router';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { RiderServices } from '../../services';
import { useAssignments } from '../assignments';
import { backgroundLocation } from '../location/background';
import { cadenceFor } from '../location/cadence';
import { createFixSender, type FixSender } from '../location/fix-sender';
import { askForegroundLocation } from '../location/foreground';
import { useLocationSharing } from '../location/use-location-sharing';
import { shiftKeys, useShiftStatus } from './shift-status';

/** Why the last change of the shift did not happen, in the words the switch shows. */
export type ShiftProblem = 'needsNetwork' | 'failed' | 'refused' | 'blocked' | 'locationLost';

export interface Shift {
  /** What the server has: null until first known. */
  online: boolean | null;
  /** The server could not be asked and nothing was kept from before (the switch then offers to go online). */
  unknown: boolean;
  /** A change is on its way to the server. */
  changing: 'online' | 'offline' | null;
  problem: ShiftProblem | null;
  /** The rider carries an order (going offline asks first). */
  delivering: boolean;
  /** Fixes kept on the phone until the server answers for them. */
  waiting: number;
  /** When the server last answered for sent fixes (ms since epoch). */
  lastSentAt: number | null;
  goOnline(): Promise<void>;
  goOffline(): Promise<void>;
  /** The rider allowed background location: share through the background task from now on. */
  backgroundAllowed(): void;
}

const ShiftContext = createContext<Shift | null>(null);

/** The rider's shift, from the nearest <ShiftProvider>. */
export function useShift(): Shift {
  const shift = useContext(ShiftContext);
  if (!shift) throw new Error('useShift needs <ShiftProvider>');
  return shift;
}

/**
 * The rider's shift: whether they are online, and the location shared while they are. Going online
 * or offline is a blocking change (it needs the network and shows what the server has); the fixes
 * are optimistic and silent: kept on the phone and sent whenever they can go.
 */
export function ShiftProvider({ children }: { children: ReactNode }) {
  const services = useServices() as RiderServices;
  const { api, connectivity, realtime } = services;
  const buffer = services.local.fixes;
  const queryClient = useQueryClient();
  const router = useRouter();
  const status = useShiftStatus();
  const deliveries = useAssignments().data?.deliveries.length ?? 0;
  const networkUp = useOnline(connectivity);
  const [changing, setChanging] = useState<Shift['changing']>(null);
  const [problem, setProblem] = useState<ShiftProblem | null>(null);
  // The disclosure is shown once a session: a rider who said "Not now" is not asked at every switch.
  const disclosed = useRef(false);
  // Counts the rider's background permission changes: each restarts the sharing on the right source.
  const [source, setSource] = useState(0);

  const sender = useFixSender(services);
  const waiting = useSyncExternalStore(buffer.subscribe, buffer.count);
  const lastSentAt = useSyncExternalStore(sender.subscribe, sender.lastSentAt);

  const online = status.data ? status.data.status === 'online' : null;
  const cadence = cadenceFor({ online: online === true, deliveries });
  useLocationSharing(cadence, source, {
    onFixes: (fixes) => {
      buffer.add(fixes);
      void sender.flush();
    },
    onLost: () => setProblem('locationLost'),
  });

  // What waits goes as soon as a way opens: the network back, or the socket up again.
  useEffect(() => {
    if (networkUp) void sender.flush();
  }, [networkUp, sender]);
  useEffect(
    () => realtime.onState((state) => (state === 'online' ? void sender.flush() : undefined)),
    [realtime, sender],
  );

  const change = useCallback(
    async (to: 'online' | 'offline') => {
      if (!connectivity.isOnline()) return setProblem('needsNetwork');
      setProblem(null);
      setChanging(to);
      try {
        if (to === 'online') {
          const permission = await askForegroundLocation();
          if (permission !== 'granted') return setProblem(permission);
        }
        const answer = await api.call('setRiderStatus', { body: { status: to } });
        queryClient.setQueryData(shiftKeys.status, answer);
        // Going online is when offer pushes make sense: asked then, once; a no is not asked again.
        if (to === 'online') await services.push.ask().catch(() => undefined);
        if (
          to === 'online' &&
          backgroundLocation.available &&
          !disclosed.current &&
          !(await backgroundLocation.allowed())
        ) {
          disclosed.current = true;
          router.push('/background-location');
        }
      } catch (error) {
        setProblem(error instanceof ApiError && error.status === 0 ? 'needsNetwork' : 'failed');
      } finally {
        setChanging(null);
      }
    },
    [api, connectivity, queryClient, router, services.push],
  );

  const shift = useMemo<Shift>(
    () => ({
      online,
      // From the first failure: a phone with no network retries only once it is back.
      unknown: online === null && status.failureCount > 0,
      changing,
      problem,
      delivering: deliveries > 0,
      waiting,
      lastSentAt,
      goOnline: () => change('online'),
      goOffline: () => change('offline'),
      backgroundAllowed: () => setSource((n) => n + 1),
    }),
    [online, status.failureCount, changing, problem, deliveries, waiting, lastSentAt, change],
  );
  return <ShiftContext.Provider value={shift}>{children}</ShiftContext.Provider>;
}

/** One sender for the signed-in session, closed when the rider signs out. */
function useFixSender({ api, connectivity, realtime, local }: RiderServices): FixSender {
  const sender = useMemo(
    () =>
      createFixSender({
        buffer: local.fixes,
        socket: realtime,
        http: (points) => api.call('sendLocations', { body: { points } }),
        networkUp: () => connectivity.isOnline(),
        newRef: newKey,
      }),
    [api, connectivity, realtime, local.fixes],
  );
  useEffect(() => () => sender.close(), [sender]);
  return sender;
}
