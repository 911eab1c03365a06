import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { createContext, type ReactNode, useContext, useState } from 'react';
import { persistOptions } from './offline/query-client';
import { RealtimeContext } from './realtime/hooks';
import type { AppServices } from './services';
import { appStorage } from './store/device-storage';
import { ToastProvider } from './ui/Toast';

const ServicesContext = createContext<AppServices | null>(null);

/** The app's services (session, API, queue, stores) from the nearest <AppProviders>. */
export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs <AppProviders>');
  return services;
}

/**
 * Everything a screen reads from: the services, the cached server data (restored from the phone
 * before the first render, so lists open offline), the socket, and toasts. `buster` drops a cache
 * saved by an older build whose shapes may differ.
 */
export function AppProviders({
  services,
  buster,
  children,
}: {
  services: AppServices;
  buster: string;
  children: ReactNode;
}) {
  // Made once: new options would restore the cache again.
  const [persist] = useState(() => persistOptions(services.queryClient, appStorage, buster));
  return (
    <ServicesContext.Provider value={services}>
      <PersistQueryClientProvider client={services.queryClient} persistOptions={persist}>
        <RealtimeContext.Provider value={services.realtime}>
          <ToastProvider>{children}</ToastProvider>
        </RealtimeContext.Provider>
      </PersistQueryClientProvider>
    </ServicesContext.Provider>
  );
}
