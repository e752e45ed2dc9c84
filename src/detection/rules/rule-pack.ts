import type { Rule } from '../engine/rule';
import { balanceMismatch } from './balance-mismatch.rule';
import { bonusAbuse } from './bonus-abuse.rule';
import { dormantReactivation } from './dormant-reactivation.rule';
import { highWinRate } from './high-win-rate.rule';
import { largeTransaction } from './large-transaction.rule';
import { lateSettlementChange } from './late-settlement-change.rule';
import { lowKycLargeWithdrawal } from './low-kyc-large-withdrawal.rule';
import { lowOddsHighStake } from './low-odds-high-stake.rule';
import { minimalPlayWithdrawal } from './minimal-play-withdrawal.rule';
import { operatorCountryMismatch } from './operator-country-mismatch.rule';
import { oppositeSides } from './opposite-sides.rule';
import { rapidDeposits } from './rapid-deposits.rule';
import { sharedIdentifier } from './shared-identifier.rule';
import { slipInconsistency } from './slip-inconsistency.rule';
import { structuring } from './structuring.rule';
import { thirdPartyAccount } from './third-party-account.rule';

/**
 * The gambling rule pack, in the order rules run on each event (and `GET /api/v1/rules` lists
 * them). A new rule: a file beside these, behind the `Rule` interface, and its entry here.
 */
export const RULE_PACK: readonly Rule[] = [
  largeTransaction,
  rapidDeposits,
  structuring,
  minimalPlayWithdrawal,
  balanceMismatch,
  lowOddsHighStake,
  highWinRate,
  sharedIdentifier,
  oppositeSides,
  bonusAbuse,
  dormantReactivation,
  operatorCountryMismatch,
  lowKycLargeWithdrawal,
  lateSettlementChange,
  slipInconsistency,
  thirdPartyAccount,
] as unknown as readonly Rule[];
