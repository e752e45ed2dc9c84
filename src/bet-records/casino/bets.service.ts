import { Injectable } from '@nestjs/common';
import { BetRecordCountsRepository } from '../projection/bet-record-counts.repository';
import { CatalogRepository } from '../projection/catalog.repository';
import type { BetListQueryDto, RecordFilters } from '../dto/record-list.query';
import { emptyPage, type RecordPage } from '../record-page';
import { ResourceNotFoundError } from '../../common/errors/app-error';
import type { TenantScope } from '../../tenancy/tenant-scope';
import { toBetDto } from './bets.mapper';
import { BetsRepository } from './bets.repository';
import type { BetDto } from './dto/bet.dto';

/** Live/Slots bets for the API: those of the caller's scope (a brand key's brand only), newest first. */
@Injectable()
export class BetsService {
  constructor(
    private readonly bets: BetsRepository,
    private readonly counts: BetRecordCountsRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  async list(scope: TenantScope, query: BetListQueryDto): Promise<RecordPage<BetDto>> {
    const filters: RecordFilters = {
      brandId: query.brand_id,
      playerId: query.player_id,
      status: query.status,
    };
    if (query.provider_code !== undefined) {
      const providerId = await this.catalog.findProviderId(query.provider_code);
      if (providerId === null) return emptyPage(query.page, query.size);
      filters.providerId = providerId;
    }
    const [total, rows] = await Promise.all([
      // A player's bets are few and counted; any other filter is summed from the counts.
      filters.playerId !== undefined
        ? this.bets.count(scope, filters)
        : this.counts.total(scope, 'bet', filters),
      this.bets.page(scope, filters, (query.page - 1) * query.size, query.size),
    ]);
    return { total, page: query.page, page_size: query.size, items: rows.map(toBetDto) };
  }

  async get(scope: TenantScope, id: string): Promise<BetDto> {
    const row = await this.bets.find(scope, id);
    if (!row) throw new ResourceNotFoundError('Bet', id);
    return toBetDto(row);
  }
}
