import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Request counts and latencies, by route pattern and status. */
@Injectable()
export class HttpMetrics {
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  private readonly answers: Counter<'api' | 'route' | 'code'>;

  constructor({ registry }: MetricsRegistry) {
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request start to response end, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.answers = new Counter({
      name: 'business_answers_total',
      help: 'Answers of the APIs that carry a business code in their body (MaxBridge: HTTP 200 for refusals too), by API, route pattern and code',
      labelNames: ['api', 'route', 'code'] as const,
      registers: [registry],
    });
  }

  /** Answers of the APIs with a business code in their body (MaxBridge), by API, route and code. */
  observeAnswer(api: string, route: string, code: string): void {
    this.answers.inc({ api, route, code });
  }

  /** `route` is the route pattern (`/api/v1/events/:uuid/status`), never the raw URL. */
  observe(method: string, route: string, status: number, seconds: number): void {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}
