import type { Provider } from '@nestjs/common';
import { CasinoBetProjection } from '../bet-records/casino/casino-bet.projection';
import { SportsBetProjection } from '../bet-records/sports/sports-bet.projection';
import { PlayerActivityStep } from './player-activity.step';
import { PROCESSING_STEPS, type ProcessingStep } from './processing-step';

/**
 * The processing steps, in the order they run over each batch:
 * 1. player activity: the projections and the rules need the player row;
 * 2. the bet-record projections (Live/Slots bets, sports bets) of the Bet Records API;
 * 3. detection (fraud and AML rules, alerts) plugs in here, after the projections.
 */
export const ORDERED_STEPS = [PlayerActivityStep, CasinoBetProjection, SportsBetProjection];

export const processingStepsProvider: Provider = {
  provide: PROCESSING_STEPS,
  inject: ORDERED_STEPS,
  useFactory: (...steps: ProcessingStep[]) => steps,
};
