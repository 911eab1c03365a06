import NetInfo, { type NetInfoState } from '@react-native-community/netinfo';

/** The phone loses or finds its network, as NetInfo tells the app (with NetInfo's jest mock). */
export function setNetwork(online: boolean) {
  const state = { isConnected: online, isInternetReachable: online } as NetInfoState;
  for (const [listener] of jest.mocked(NetInfo.addEventListener).mock.calls) listener(state);
}
