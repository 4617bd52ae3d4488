/**
 * Passwords are stored as scrypt hashes (memory-hard, in Node's crypto, no native add-on):
 * `scrypt$N$r$p$salt$hash`, so the cost can be raised later and old hashes still verify.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

export interface HashCost {
  N: number;
  r: number;
  p: number;
}

/** About 100 ms on this project's 2-core machine: slow for guessing, quick for signing in. */
export const HASH_COST: HashCost = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 10;

let cost = HASH_COST;

/**
 * The cost of the hashes made from now on. Every hash carries its own, so a change never locks
 * anyone out; the tests of the sign-in limits, which fail hundreds of sign-ins, lower it.
 */
export function setHashCost(next: HashCost) {
  cost = next;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const dummies = new Map<HashCost, Promise<string>>();

/** A hash of a random password at the current cost, verified against when a name is unknown. */
export function dummyHash(): Promise<string> {
  let dummy = dummies.get(cost);
  if (!dummy) {
    dummy = hashPassword(randomBytes(32).toString('base64url'));
    dummies.set(cost, dummy);
  }
  return dummy;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
