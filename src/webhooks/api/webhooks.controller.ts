import { Bodyless } from '../../common/http/route-tags';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam } from '@nestjs/swagger';
import { MonitorApi } from '../../monitor-api/monitor-api.decorator';
import { ApiKeyAuth, BrandKeys } from '../../tenancy/api-key-auth.decorator';
import { CurrentTenant } from '../../tenancy/current-tenant.decorator';
import type { Tenant } from '../../tenancy/tenant';
import { WebhookEndpointsService } from '../endpoints/webhook-endpoints.service';
import { deliveryView, webhookView } from './webhook.view';
import { WebhooksDocs, WebhooksResponses } from './webhooks.docs';

const ok = <T>(data: T) => ({ success: true as const, data });
const ID = { name: 'id', description: 'The webhook’s id (a uuid)' };

@Controller('api/v1/webhooks')
@MonitorApi('Betting Monitor: webhooks')
@ApiKeyAuth()
@BrandKeys('refused')
export class WebhooksController {
  constructor(private readonly webhooks: WebhookEndpointsService) {}

  @Get()
  @ApiOperation(WebhooksDocs.list)
  @WebhooksResponses.list()
  async list(@CurrentTenant() tenant: Tenant, @Query() query: Record<string, unknown>) {
    const page = await this.webhooks.list(tenant.teamId, query);
    return ok({ ...page, items: page.items.map((endpoint) => webhookView(endpoint)) });
  }

  @Post()
  @ApiOperation(WebhooksDocs.create)
  @ApiBody(WebhooksDocs.createBody)
  @WebhooksResponses.create()
  async create(@CurrentTenant() tenant: Tenant, @Body() body: unknown) {
    return ok(webhookView(await this.webhooks.create(tenant.teamId, body), true));
  }

  @Get(':id')
  @ApiOperation(WebhooksDocs.get)
  @ApiParam(ID)
  @WebhooksResponses.get()
  async get(@CurrentTenant() tenant: Tenant, @Param('id') id: string) {
    return ok(webhookView(await this.webhooks.get(tenant.teamId, id)));
  }

  @Patch(':id')
  @ApiOperation(WebhooksDocs.update)
  @ApiParam(ID)
  @ApiBody(WebhooksDocs.updateBody)
  @WebhooksResponses.update()
  async update(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: unknown) {
    return ok(webhookView(await this.webhooks.update(tenant.teamId, id, body)));
  }

  @Delete(':id')
  @Bodyless()
  @HttpCode(204)
  @ApiOperation(WebhooksDocs.remove)
  @ApiParam(ID)
  @WebhooksResponses.remove()
  async remove(@CurrentTenant() tenant: Tenant, @Param('id') id: string): Promise<void> {
    await this.webhooks.remove(tenant.teamId, id);
  }

  @Post(':id/rotate-secret')
  @Bodyless()
  @HttpCode(200)
  @ApiOperation(WebhooksDocs.rotateSecret)
  @ApiParam(ID)
  @WebhooksResponses.rotateSecret()
  async rotateSecret(@CurrentTenant() tenant: Tenant, @Param('id') id: string) {
    return ok(webhookView(await this.webhooks.rotateSecret(tenant.teamId, id), true));
  }

  @Post(':id/test')
  @Bodyless()
  @HttpCode(202)
  @ApiOperation(WebhooksDocs.test)
  @ApiParam(ID)
  @WebhooksResponses.test()
  async test(@CurrentTenant() tenant: Tenant, @Param('id') id: string) {
    return ok({ delivery_id: await this.webhooks.ping(tenant.teamId, id) });
  }

  @Get(':id/deliveries')
  @ApiOperation(WebhooksDocs.deliveries)
  @ApiParam(ID)
  @WebhooksResponses.deliveries()
  async deliveries(
    @CurrentTenant() tenant: Tenant,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ) {
    const page = await this.webhooks.deliveries(tenant.teamId, id, query);
    return ok({ ...page, items: page.items.map(deliveryView) });
  }

  @Post(':id/deliveries/:delivery_id/redeliver')
  @Bodyless()
  @HttpCode(202)
  @ApiOperation(WebhooksDocs.redeliver)
  @ApiParam(ID)
  @ApiParam({ name: 'delivery_id', description: 'The delivery’s id (its `webhook-id`)' })
  @WebhooksResponses.redeliver()
  async redeliver(
    @CurrentTenant() tenant: Tenant,
    @Param('id') id: string,
    @Param('delivery_id') deliveryId: string,
  ) {
    await this.webhooks.redeliver(tenant.teamId, id, deliveryId);
    return ok({ delivery_id: deliveryId });
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation(WebhooksDocs.replay)
  @ApiParam(ID)
  @ApiBody(WebhooksDocs.replayBody)
  @WebhooksResponses.replay()
  async replay(@CurrentTenant() tenant: Tenant, @Param('id') id: string, @Body() body: unknown) {
    return ok({ replayed: await this.webhooks.replay(tenant.teamId, id, body) });
  }
}
