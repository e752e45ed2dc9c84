import { Injectable } from '@nestjs/common';
import { BetRecordCountsRepository } from '../projection/bet-record-counts.repository';
import type { RecordFilters, SportsBetListQueryDto } from '../dto/record-list.query';
import type { RecordPage } from '../record-page';
import { ResourceNotFoundError } from '../../common/errors/app-error';
import type { TenantScope } from '../../tenancy/tenant-scope';
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

  async list(scope: TenantScope, query: SportsBetListQueryDto): Promise<RecordPage<SportsBetDto>> {
    const filters: RecordFilters = {
      brandId: query.brand_id,
      playerId: query.player_id,
      status: query.status,
    };
    const [total, rows] = await Promise.all([
      filters.playerId !== undefined
        ? this.sportsBets.count(scope, filters)
        : this.counts.total(scope, 'sports', filters),
      this.sportsBets.page(scope, filters, (query.page - 1) * query.size, query.size),
    ]);
    return { total, page: query.page, page_size: query.size, items: rows.map(toSportsBetDto) };
  }

  async get(scope: TenantScope, id: string): Promise<SportsBetDetailDto> {
    const row = await this.sportsBets.find(scope, id);
    if (!row) throw new ResourceNotFoundError('Sports bet', id);
    const lines = await this.sportsBets.linesOf(row.id);
    return { ...toSportsBetDto(row), lines: lines.map(toSportsBetLineDto) };
  }
}
