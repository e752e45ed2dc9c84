import {
  Controller,
  Get,
  NotFoundException,
  Param,
  Req,
  Res,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TagRoutes } from '../../common/http/route-tags';
import { DASHBOARD_WIRE } from '../dashboard.wire';
import { loadAppFiles, type AppFile } from './dashboard-app.files';

/**
 * The dashboard's single-page app at `/dashboard` (built from web/ by `npm run build:dashboard`,
 * which `npm start` runs when its sources changed). Its screens are routes of the URL's hash, so
 * two paths serve the page and the rest are its assets.
 */
@ApiExcludeController()
@Controller('dashboard')
@TagRoutes({ auth: 'public', wire: DASHBOARD_WIRE })
export class DashboardAppController implements OnModuleInit {
  private readonly files = loadAppFiles();

  constructor(private readonly adapter: HttpAdapterHost) {}

  /** `/dashboard/`, as people type it, to the page (Nest drops a route's trailing slash). */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.get('/dashboard/', (_request, reply) => reply.redirect('/dashboard', 301));
  }

  @Get()
  page(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send('index.html', request, reply);
  }

  /** The page itself (`index.html`) and the files beside it (the icon). */
  @Get(':file')
  file(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send(file, request, reply);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.send(`assets/${file}`, request, reply);
  }

  private send(name: string, request: FastifyRequest, reply: FastifyReply) {
    if (this.files.size === 0) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The dashboard app is not built: run `npm run build:dashboard`, then restart.\n');
    }
    const file: AppFile | undefined = this.files.get(name);
    if (!file) throw new NotFoundException('No such page or file');
    reply
      .header('content-type', file.type)
      .header('etag', file.etag)
      .header('vary', 'accept-encoding')
      .header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
    if (file.gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(file.gzipped);
    }
    return reply.send(file.body);
  }
}
