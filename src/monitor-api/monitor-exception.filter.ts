import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { sendError } from '../common/wire/send-error';
import { MonitorWire } from './monitor-wire';

/** Every error of a monitor controller, in the monitor envelope. */
@Catch()
@Injectable()
export class MonitorExceptionFilter implements ExceptionFilter {
  constructor(private readonly wire: MonitorWire) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(this.wire, exception, host);
  }
}
