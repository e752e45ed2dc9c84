import { Injectable } from '@nestjs/common';
import { BetRecordCountsRepository } from '../bet-records/bet-record-counts.repository';
import type { RecordFilters, SportsBetListQueryDto } from '../bet-records/dto/record-list.query';
import { emptyPage, type RecordPage } from '../bet-records/record-page';
import { brandFilterOf, isInScope, type RecordScope } from '../bet-records/record-scope';
import { ResourceNotFoundError } from '../common/errors/app-error';
import type { SportsBetDetailDto, SportsBetDto } from './dto/sports-bet.dto';
import { toSportsBetDto, toSportsBetLineDto } from './sports-bets.mapper';
import { SportsBetsRepository } from './sports-bets.repository';

/** Sports bets for the API: a team's own (a brand key's brand only), newest first. */
@Injectable()
export class SportsBetsService {
  constructor(
    private readonly sportsBets: SportsBetsRepository,
    private readonly counts: BetRecordCountsRepository,
  ) {}

  async list(scope: RecordScope, query: SportsBetListQueryDto): Promise<RecordPage<SportsBetDto>> {
    const brandId = brandFilterOf(scope, query.brand_id);
    if (brandId === false) return emptyPage(query.page, query.size);
    const filters: RecordFilters = { brandId, playerId: query.player_id, status: query.status };
    const [total, rows] = await Promise.all([
      filters.playerId !== undefined
        ? this.sportsBets.count(scope.teamId, filters)
        : this.counts.total(scope.teamId, 'sports', filters),
      this.sportsBets.page(scope.teamId, filters, (query.page - 1) * query.size, query.size),
    ]);
    return { total, page: query.page, page_size: query.size, items: rows.map(toSportsBetDto) };
  }

  async get(scope: RecordScope, id: string): Promise<SportsBetDetailDto> {
    const row = await this.sportsBets.find(scope.teamId, id);
    if (!row || !isInScope(scope, row.brand_id)) throw new ResourceNotFoundError('Sports bet', id);
    const lines = await this.sportsBets.linesOf(row.id);
    return { ...toSportsBetDto(row), lines: lines.map(toSportsBetLineDto) };
  }
}
