// Loaded at the first login or account creation, not at start.
const argon2 = () => import('@node-rs/argon2');

// argon2id with the library's defaults (~70 ms a hash on our machines).
export const hashPassword = async (password: string): Promise<string> => (await argon2()).hash(password);
export const verifyPassword = async (stored: string, password: string): Promise<boolean> => (await argon2()).verify(stored, password).catch(() => false);

/** A hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('decoy-password-for-timing'));
