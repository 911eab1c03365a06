import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) at OWASP's recommended minimum: 19 MiB, 2 passes,
// 1 lane. About 8 ms per hash on this project's 2-core reference machine.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export const verifyPassword = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password, options);

let decoy: Promise<string> | undefined;

/** Spends what a real check costs, so a login for an unknown account is not answered faster. */
export async function verifyAgainstDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password nobody has');
  await verifyPassword(await decoy, password);
}
