import { navigationLinks, webDirections } from '../navigation-links';

const door = { lat: 34.5301, lng: 74.2551 };

describe('the links that start navigation', () => {
  it('on Android: Google Maps navigation, then any map app by geo:, then the web', () => {
    expect(navigationLinks('android', door, 'Gulzar Kiryana')).toEqual([
      'google.navigation:q=34.5301,74.2551',
      'geo:34.5301,74.2551?q=34.5301,74.2551(Gulzar%20Kiryana)',
      'https://www.google.com/maps/dir/?api=1&destination=34.5301,74.2551',
    ]);
  });

  it('on iOS: Google Maps when it opens, then Apple Maps, then the web', () => {
    expect(navigationLinks('ios', door, 'Rafiq')).toEqual([
      'comgooglemaps://?daddr=34.5301,74.2551&directionsmode=driving',
      'maps://?daddr=34.5301,74.2551',
      'https://www.google.com/maps/dir/?api=1&destination=34.5301,74.2551',
    ]);
  });

  it('in a browser: the web directions only', () => {
    expect(navigationLinks('web', door, 'Rafiq')).toEqual([webDirections(door)]);
    expect(webDirections(door)).toBe('https://www.google.com/maps/dir/?api=1&destination=34.5301,74.2551');
  });

  it('keeps a label with brackets or an ampersand inside the geo: label', () => {
    expect(navigationLinks('android', door, 'Mir & Sons (old)')[1]).toBe(
      'geo:34.5301,74.2551?q=34.5301,74.2551(Mir%20%26%20Sons%20%28old%29)',
    );
  });
});
