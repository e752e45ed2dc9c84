import { ApiProperty } from '@nestjs/swagger';

/** The monitor envelope of a success: `{"success":true,"data":...}`; subclasses add `data`. */
export class MonitorOkDto {
  @ApiProperty({ enum: [true], example: true })
  success: true;
}

/** The paging fields of every monitor list; subclasses add `items`. */
export class MonitorPageDto {
  @ApiProperty({ description: 'How many match, over all pages', example: 2 })
  total: number;

  @ApiProperty({ description: 'This page, from 1', example: 1 })
  page: number;

  @ApiProperty({ description: 'The page size asked for (`size`, 20 by default)', example: 20 })
  page_size: number;
}
