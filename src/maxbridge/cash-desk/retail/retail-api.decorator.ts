import { applyDecorators } from '@nestjs/common';
import { ApiSecurity, ApiTags } from '@nestjs/swagger';
import { TagRoutes } from '../../../common/http/route-tags';
import { RETAIL_WIRE } from './retail.wire';

export const RETAIL_KEY_SECURITY = 'maxbridge-retail-key';
export const RETAIL_TAG = 'MaxBridge retail';

/** The MaxBet retail system's and SSBT terminals' routes: `Authorization: <key>`, plain statuses. */
export const RetailApi = () =>
  applyDecorators(
    TagRoutes({ auth: 'retail-key', wire: RETAIL_WIRE }),
    ApiSecurity(RETAIL_KEY_SECURITY),
    ApiTags(RETAIL_TAG),
  );
