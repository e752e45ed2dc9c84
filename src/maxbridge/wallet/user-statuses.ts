/**
 * What a user status blocks (seed 003, "The block types in the system"): null blocks nothing.
 */
export enum BlockType {
  FullBlock = 0,
  GameBlock = 1,
  TransactionBlock = 2,
}

export interface UserStatus {
  id: number;
  name: string;
  blockType: BlockType | null;
}

/**
 * The statuses every wallet starts with (seed 003, "By default, following statuses are supported").
 * They live in `wallet_user_statuses`, where an operator may add more: a status's block type, not
 * its id, decides what the user may do.
 */
export const DEFAULT_USER_STATUSES: readonly UserStatus[] = [
  { id: 1, name: 'Registered', blockType: null },
  { id: 2, name: 'Verified', blockType: null },
  { id: 3, name: 'Full Block', blockType: BlockType.FullBlock },
  { id: 4, name: 'Game Block', blockType: BlockType.GameBlock },
  { id: 5, name: 'Withdraw Blocked', blockType: BlockType.TransactionBlock },
  { id: 6, name: 'VIP', blockType: null },
];

/** A new user's status unless told otherwise. */
export const REGISTERED_STATUS_ID = 1;

/** The block types that keep a user from taking money out of the wallet. */
export const WITHDRAWAL_BLOCKING_TYPES: readonly BlockType[] = [
  BlockType.FullBlock,
  BlockType.TransactionBlock,
];

export function blocksWithdrawals(blockType: number | null): boolean {
  return blockType !== null && WITHDRAWAL_BLOCKING_TYPES.includes(blockType);
}

/**
 * The block types that keep money from coming in too: the seed's Full Block "restricts almost
 * every action", its Transaction Block "any transaction, other than game wins". A deposit is one.
 */
export const DEPOSIT_BLOCKING_TYPES: readonly BlockType[] = WITHDRAWAL_BLOCKING_TYPES;

export function blocksDeposits(blockType: number | null): boolean {
  return blockType !== null && DEPOSIT_BLOCKING_TYPES.includes(blockType);
}

/** Only a full block keeps a player from logging in (to see their balance, say). */
export function blocksLogin(blockType: number | null): boolean {
  return blockType === BlockType.FullBlock;
}
