import { Module } from '@nestjs/common';
import { MonitorApiModule } from '../monitor-api/monitor-api.module';
import { WebhooksController } from './api/webhooks.controller';
import { HostResolver, NetworkGuard, SystemHostResolver } from './endpoints/network-guard';
import { WebhookEndpointsRepository } from './endpoints/webhook-endpoints.repository';
import { WebhookEndpointsService } from './endpoints/webhook-endpoints.service';

/** Alert webhooks: the teams' endpoints under `/api/v1/webhooks`. */
@Module({
  imports: [MonitorApiModule],
  controllers: [WebhooksController],
  providers: [
    { provide: HostResolver, useClass: SystemHostResolver },
    NetworkGuard,
    WebhookEndpointsRepository,
    WebhookEndpointsService,
  ],
})
export class WebhooksModule {}
