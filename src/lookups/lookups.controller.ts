import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { MonitorApi } from '../monitor-api/monitor-api.decorator';
import { ApiKeyAuth, BrandKeys } from '../tenancy/api-key-auth.decorator';
import { LookupsResponseDto } from './dto/lookups-response.dto';
import { LookupsService } from './lookups.service';

@Controller('api/v1/lookups')
@MonitorApi('Betting Monitor: lookups')
@ApiKeyAuth()
export class LookupsController {
  /** The tables only change with a migration, that is with a restart: the answer is built once. */
  private answer?: LookupsResponseDto;

  constructor(private readonly lookups: LookupsService) {}

  @Get()
  @BrandKeys('own-brand')
  @ApiOperation({
    summary: 'Lookup tables',
    description:
      'Event types, game types, device types and payment operators. Use these codes when ingesting events. ' +
      'Answered bare, without the `success` envelope, as documented.',
  })
  @ApiOkResponse({ type: LookupsResponseDto })
  getLookups(): LookupsResponseDto {
    return (this.answer ??= LookupsResponseDto.from(this.lookups.all()));
  }
}
