import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (~70 ms a hash on our machines).
export const hashPassword = (password: string): Promise<string> => hash(password);
export const verifyPassword = (stored: string, password: string): Promise<boolean> => verify(stored, password).catch(() => false);

/** A hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hash('decoy-password-for-timing'));
