/** The town the benchmarks run in: Kupwara's bazaar, and shop hours that never close. */
export const centre = { lat: 34.5297, lng: 74.2543 };

export const alwaysOpen = Object.fromEntries(
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [
    day,
    [
      { open: '00:00', close: '23:59' },
      { open: '23:59', close: '00:00' },
    ],
  ]),
);
