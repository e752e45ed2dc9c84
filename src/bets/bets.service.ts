import { Injectable } from '@nestjs/common';
import { BetRecordCountsRepository } from '../bet-records/bet-record-counts.repository';
import { CatalogRepository } from '../bet-records/catalog.repository';
import type { BetListQueryDto, RecordFilters } from '../bet-records/dto/record-list.query';
import { emptyPage, type RecordPage } from '../bet-records/record-page';
import { brandFilterOf, isInScope, type RecordScope } from '../bet-records/record-scope';
import { ResourceNotFoundError } from '../common/errors/app-error';
import { toBetDto } from './bets.mapper';
import { BetsRepository } from './bets.repository';
import type { BetDto } from './dto/bet.dto';

/** Live/Slots bets for the API: a team's own, newest first. */
@Injectable()
export class BetsService {
  constructor(
    private readonly bets: BetsRepository,
    private readonly counts: BetRecordCountsRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  async list(scope: RecordScope, query: BetListQueryDto): Promise<RecordPage<BetDto>> {
    const teamId = scope.teamId;
    const brandId = brandFilterOf(scope, query.brand_id);
    if (brandId === false) return emptyPage(query.page, query.size);
    const filters: RecordFilters = { brandId, playerId: query.player_id, status: query.status };
    if (query.provider_code !== undefined) {
      const providerId = await this.catalog.findProviderId(query.provider_code);
      if (providerId === null) return emptyPage(query.page, query.size);
      filters.providerId = providerId;
    }
    const [total, rows] = await Promise.all([
      // A player's bets are few and counted; any other filter is summed from the counts.
      filters.playerId !== undefined
        ? this.bets.count(teamId, filters)
        : this.counts.total(teamId, 'bet', filters),
      this.bets.page(teamId, filters, (query.page - 1) * query.size, query.size),
    ]);
    return { total, page: query.page, page_size: query.size, items: rows.map(toBetDto) };
  }

  async get(scope: RecordScope, id: string): Promise<BetDto> {
    const row = await this.bets.find(scope.teamId, id);
    if (!row || !isInScope(scope, row.brand_id)) throw new ResourceNotFoundError('Bet', id);
    return toBetDto(row);
  }
}
