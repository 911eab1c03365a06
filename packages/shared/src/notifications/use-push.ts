import { useQueryClient } from '@tanstack/react-query';
import { router } from 'expo-router';
import { useEffect, useRef, useState } from 'react';
import { useServices } from '../providers';
import type { LeadsTo, PushPermission, PushTap } from './push';
import { markNotificationsRead, notificationKeys } from './queries';

/**
 * While someone is signed in: a tapped push opens what it is about (also the tap that started the
 * app from closed) and is marked read; a push that arrives while the app is open refreshes the
 * list and its count; a phone already allowed to get pushes tells the server who now uses it.
 */
export function usePush(leadsTo: LeadsTo) {
  const { api, push } = useServices();
  const queryClient = useQueryClient();
  // The latest mapping without starting the listeners again on every render.
  const mapping = useRef(leadsTo);
  mapping.current = leadsTo;
  useEffect(() => {
    const device = push.device;
    if (!device) return;
    const opened = new Set<string>();
    const open = (tap: PushTap) => {
      if (opened.has(tap.key)) return;
      opened.add(tap.key);
      if (tap.notificationId) void markNotificationsRead({ api, queryClient }, [tap.notificationId]);
      const href = mapping.current(tap);
      if (href) router.push(href);
    };
    const stopTaps = device.onTap(open);
    device
      .lastTap()
      .then((tap) => tap && open(tap))
      .catch(() => undefined);
    const stopReceived = device.onReceived(
      () => void queryClient.invalidateQueries({ queryKey: notificationKeys.list() }),
    );
    const stopToken = push.watchToken();
    void push.registerIfAllowed();
    return () => {
      stopTaps();
      stopReceived();
      stopToken();
    };
  }, [api, push, queryClient]);
}

/** Whether this phone lets the app show pushes ('unsupported' on the web build), read once per screen. */
export function usePushPermission(): PushPermission | 'unsupported' | undefined {
  const { push } = useServices();
  const [permission, setPermission] = useState<PushPermission | 'unsupported'>();
  useEffect(() => {
    let current = true;
    push
      .permission()
      .then((answer) => current && setPermission(answer))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [push]);
  return permission;
}
