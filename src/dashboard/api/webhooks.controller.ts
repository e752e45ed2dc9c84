import { Bodyless } from '../../common/http/route-tags';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { deliveryView, webhookView } from '../../webhooks/api/webhook.view';
import { WebhooksDocs } from '../../webhooks/api/webhooks.docs';
import { WebhookEndpointsService } from '../../webhooks/endpoints/webhook-endpoints.service';
import { CurrentSession, DASHBOARD_TAG, DashboardApi } from '../dashboard-api.decorator';
import type { DashboardSession } from '../sessions/dashboard-sessions.service';

const ID = { name: 'id', description: 'The webhook’s id (a uuid)' };
const same = (route: string) =>
  `As \`${route}\` of the monitor API, the same service and rules, without the envelope.`;

/**
 * Settings → Webhooks: the team's endpoints, their secrets (shown once), test pings, the delivery
 * log, redeliveries and replays. Everyone of the team reads; admins change.
 */
@ApiTags(DASHBOARD_TAG)
@Controller('dashboard/api/webhooks')
export class DashboardWebhooksController {
  constructor(private readonly webhooks: WebhookEndpointsService) {}

  @Get()
  @DashboardApi()
  @ApiOperation({ summary: 'The team’s webhooks', description: same('GET /api/v1/webhooks') })
  async list(@CurrentSession() session: DashboardSession, @Query() query: Record<string, unknown>) {
    const page = await this.webhooks.list(session.user.teamId, query);
    return { ...page, items: page.items.map((endpoint) => webhookView(endpoint)) };
  }

  @Post()
  @DashboardApi('admin')
  @ApiOperation({
    summary: 'Adds a webhook; its signing secret is answered this once',
    description: same('POST /api/v1/webhooks'),
  })
  @ApiBody(WebhooksDocs.createBody)
  async create(@CurrentSession() session: DashboardSession, @Body() body: unknown) {
    return webhookView(await this.webhooks.create(session.user.teamId, body), true);
  }

  @Get(':id')
  @DashboardApi()
  @ApiParam(ID)
  @ApiOperation({ summary: 'A webhook', description: same('GET /api/v1/webhooks/:id') })
  async get(@CurrentSession() session: DashboardSession, @Param('id') id: string) {
    return webhookView(await this.webhooks.get(session.user.teamId, id));
  }

  @Patch(':id')
  @DashboardApi('admin')
  @ApiParam(ID)
  @ApiBody(WebhooksDocs.updateBody)
  @ApiOperation({
    summary: 'Changes a webhook (url, types, active, rate limit)',
    description: same('PATCH /api/v1/webhooks/:id'),
  })
  async update(
    @CurrentSession() session: DashboardSession,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    return webhookView(await this.webhooks.update(session.user.teamId, id, body));
  }

  @Delete(':id')
  @Bodyless()
  @HttpCode(204)
  @DashboardApi('admin')
  @ApiParam(ID)
  @ApiOperation({ summary: 'Removes a webhook', description: same('DELETE /api/v1/webhooks/:id') })
  async remove(@CurrentSession() session: DashboardSession, @Param('id') id: string) {
    await this.webhooks.remove(session.user.teamId, id);
  }

  @Post(':id/rotate-secret')
  @Bodyless()
  @HttpCode(200)
  @DashboardApi('admin')
  @ApiParam(ID)
  @ApiOperation({
    summary: 'A new signing secret, answered this once; the old one signs for 24 h more',
    description: same('POST /api/v1/webhooks/:id/rotate-secret'),
  })
  async rotateSecret(@CurrentSession() session: DashboardSession, @Param('id') id: string) {
    return webhookView(await this.webhooks.rotateSecret(session.user.teamId, id), true);
  }

  @Post(':id/test')
  @Bodyless()
  @HttpCode(202)
  @DashboardApi('admin')
  @ApiParam(ID)
  @ApiOperation({
    summary: 'Sends a `ping` delivery',
    description: same('POST /api/v1/webhooks/:id/test'),
  })
  async test(@CurrentSession() session: DashboardSession, @Param('id') id: string) {
    return { delivery_id: await this.webhooks.ping(session.user.teamId, id) };
  }

  @Get(':id/deliveries')
  @DashboardApi()
  @ApiParam(ID)
  @ApiOperation({
    summary: 'The delivery log, newest first, each message with its attempts',
    description: same('GET /api/v1/webhooks/:id/deliveries') + ' Filters: status, from, to.',
  })
  async deliveries(
    @CurrentSession() session: DashboardSession,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ) {
    const page = await this.webhooks.deliveries(session.user.teamId, id, query);
    return { ...page, items: page.items.map(deliveryView) };
  }

  @Post(':id/deliveries/:delivery_id/redeliver')
  @Bodyless()
  @HttpCode(202)
  @DashboardApi('admin')
  @ApiParam(ID)
  @ApiParam({ name: 'delivery_id', description: 'The delivery’s id (its `webhook-id`)' })
  @ApiOperation({
    summary: 'Sends one delivery again, the same bytes',
    description: same('POST /api/v1/webhooks/:id/deliveries/:delivery_id/redeliver'),
  })
  async redeliver(
    @CurrentSession() session: DashboardSession,
    @Param('id') id: string,
    @Param('delivery_id') deliveryId: string,
  ) {
    await this.webhooks.redeliver(session.user.teamId, id, deliveryId);
    return { delivery_id: deliveryId };
  }

  @Post(':id/replay')
  @HttpCode(202)
  @DashboardApi('admin')
  @ApiParam(ID)
  @ApiBody(WebhooksDocs.replayBody)
  @ApiOperation({
    summary: 'Sends again every message of a window (or only the failed ones), in order',
    description: same('POST /api/v1/webhooks/:id/replay'),
  })
  async replay(
    @CurrentSession() session: DashboardSession,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    return { replayed: await this.webhooks.replay(session.user.teamId, id, body) };
  }
}
