import { uuidv7 } from 'uuidv7';

/** A new id: UUIDv7, so ids sort by creation time and index well. */
export const newId = (): string => uuidv7();
