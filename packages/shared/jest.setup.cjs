jest.mock('@react-native-async-storage/async-storage', () =>
  require('@react-native-async-storage/async-storage/jest/async-storage-mock'),
);
jest.mock('@react-native-community/netinfo', () => require('@react-native-community/netinfo/jest/netinfo-mock'));
// The map is a native view that jest has no binary for: a plain view that passes its taps on.
jest.mock('react-native-maps', () => {
  const { View } = require('react-native');
  const MapView = (props) => require('react').createElement(View, { ...props, testID: 'map' });
  return { __esModule: true, default: MapView, Marker: () => null };
});
// Pushes need the phone's native side: a fake that tests drive (what the person allows, taps, tokens).
jest.mock('expo-notifications', () => require('./src/testing/fake-notifications').fakeNotifications.module);
