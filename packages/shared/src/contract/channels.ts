// Channel names with no zod, for the apps' socket client; realtime.ts checks them on the server.

export const channelKinds = ['order', 'store', 'rider'] as const;
export type ChannelKind = (typeof channelKinds)[number];
/** A channel's name, on the socket and on the bus: `{kind}.{id}`. */
export type ChannelName = `${ChannelKind}.${string}`;

const channelOf =
  (kind: ChannelKind) =>
  (of: string): ChannelName =>
    `${kind}.${of}`;

/** The one place channel names are made. */
export const channels = {
  /** An order's events and its rider's position: for its customer, its store's seller and its rider. */
  order: channelOf('order'),
  /** Every order of a store as it happens: for that store's seller. */
  store: channelOf('store'),
  /** A rider's offers and the events of the orders they carry: for that rider. */
  rider: channelOf('rider'),
} as const;

/** The kind and the rest of a channel name, unchecked: for names made by `channels` (parseChannel checks). */
export function channelParts(name: string): { kind: ChannelKind | undefined; id: string } {
  const dot = name.indexOf('.');
  return { kind: channelKinds.find((each) => each === name.slice(0, dot)), id: name.slice(dot + 1) };
}
