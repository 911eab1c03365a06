import type { ApiError } from '../api/client';

/** What one kind of queued action carries (its params) and what the server answers it with. */
export interface ActionKind<Params = unknown, Result = unknown> {
  params: Params;
  result: Result;
}

/** A set of kinds by name, such as `{ placeOrder: ActionKind<PlaceOrder, Order> }`. */
export type ActionKindsOf<Kinds> = { [Name in keyof Kinds]: ActionKind };

export type KindName<Kinds> = Extract<keyof Kinds, string>;
export type ParamsOf<Kinds, Name extends keyof Kinds> = Kinds[Name] extends ActionKind<infer P, unknown> ? P : never;
export type ResultOf<Kinds, Name extends keyof Kinds> = Kinds[Name] extends ActionKind<unknown, infer R> ? R : never;

/** One action of kind `Kind`, as the queue keeps it (and saves it, as JSON). */
export interface QueuedActionOf<Kind extends string, Params> {
  /** Also the action's Idempotency-Key: a repeat after a lost answer is the same action to the server. */
  id: string;
  kind: Kind;
  /** Actions on one resource go in the order they were made; different resources do not wait for each other. */
  resource: string;
  params: Params;
  /** When the user acted. */
  createdAt: string;
  /** Sends begun, counted before each one goes: above zero, the server may have it. */
  attempts: number;
  status: 'pending' | 'failed';
  error?: { code: string; message: string; details?: unknown; conflict: boolean };
}

/** Any action of `Kinds`: a union discriminated by `kind`, so `action.kind === 'placeOrder'` types its params. */
export type QueuedAction<Kinds> = {
  [Name in KindName<Kinds>]: QueuedActionOf<Name, ParamsOf<Kinds, Name>>;
}[KindName<Kinds>];

/** How the queue sends one kind of action and shows it before the server has it. */
export interface ActionHandler<Params, Result> {
  /** Sends the action; `idempotencyKey` makes sending it twice the same as once. */
  send(params: Params, idempotencyKey: string, action: QueuedActionOf<string, Params>): Promise<Result>;
  /** Shows the change at once, before the server has it (and again after a restart). */
  optimistic?(params: Params, action: QueuedActionOf<string, Params>): void;
  /** Takes back what `optimistic` showed, after the server refused the action for good or it was given up. */
  rollback?(params: Params, action: QueuedActionOf<string, Params>): void;
  /** The server took it: replace the optimistic guess with its answer. */
  settle?(result: Result, params: Params, action: QueuedActionOf<string, Params>): void;
  /**
   * The server's state differs from what the user saw (409): adopt the server's version and say in
   * plain words what changed. Without it, the server's message is shown.
   */
  conflict?(error: ApiError, params: Params, action: QueuedActionOf<string, Params>): string;
  /**
   * The id of an earlier action this one only undoes, such as the cancel of an order that is still a
   * queued placement. Such an action is never sent: while the earlier one has not gone out, both
   * leave the queue; once it may have reached the server, this one is refused as too late, since it
   * names nothing the server knows.
   */
  undoes?(params: Params): string | undefined;
}

/** A handler for every kind in `Kinds`: what an app registers with its queue. */
export type ActionHandlers<Kinds> = {
  [Name in KindName<Kinds>]: ActionHandler<ParamsOf<Kinds, Name>, ResultOf<Kinds, Name>>;
};

/** What became of an action handed to the queue. */
export type Enqueued<Kinds, Name extends KindName<Kinds>> =
  /** Saved, shown, and sent as soon as it can be. */
  | { outcome: 'queued'; action: QueuedActionOf<Name, ParamsOf<Kinds, Name>> }
  /** It undid an action that had not been sent: neither will be. */
  | { outcome: 'annihilated'; undone: QueuedAction<Kinds> }
  /** What it would undo may already be on the server (or is no longer queued): nothing was queued. */
  | { outcome: 'too-late' };
