import { Module } from '@nestjs/common';
import { MonitorApiModule } from '../monitor-api/monitor-api.module';
import { MetricsModule } from '../observability/metrics.module';
import { WebhooksController } from './api/webhooks.controller';
import { WebhookDispatcher } from './delivery/webhook-dispatcher';
import { WebhookMessagesRepository } from './delivery/webhook-messages.repository';
import { WebhookOutbox } from './delivery/webhook-outbox';
import { WebhookPayloads } from './delivery/webhook-payloads';
import { WebhookSender } from './delivery/webhook-sender';
import { WebhookMetrics } from './delivery/webhook.metrics';
import { HostResolver, NetworkGuard, SystemHostResolver } from './endpoints/network-guard';
import { WebhookEndpointsRepository } from './endpoints/webhook-endpoints.repository';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';

/**
 * Alert webhooks: the teams' endpoints under `/api/v1/webhooks`, the outbox features write in
 * their own transactions (WebhookOutbox) with the renderers of their payloads (WebhookPayloads),
 * and the dispatcher that sends it.
 */
@Module({
  imports: [MonitorApiModule, MetricsModule],
  controllers: [WebhooksController],
  providers: [
    { provide: HostResolver, useClass: SystemHostResolver },
    NetworkGuard,
    WebhookEndpointsRepository,
    WebhookEndpointsService,
    WebhookMessagesRepository,
    WebhookOutbox,
    WebhookPayloads,
    WebhookSender,
    WebhookMetrics,
    WebhookDispatcher,
  ],
  exports: [WebhookOutbox, WebhookPayloads, WebhookEndpointsService],
})
export class WebhooksModule {}
