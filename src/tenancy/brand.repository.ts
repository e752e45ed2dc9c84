import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BrandEntity } from './brand.entity';
import { requireTeamId } from './tenant-scope';

@Injectable()
export class BrandRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertForTeam(teamId: number, name: string): Promise<BrandEntity> {
    const brand = this.dataSource.manager.create(BrandEntity, {
      teamId: requireTeamId(teamId),
      name,
      createdAt: new Date(),
    });
    const result = await this.dataSource.manager.insert(BrandEntity, brand);
    brand.id = Number(result.identifiers[0].id);
    return brand;
  }

  findForTeam(teamId: number, brandId: number): Promise<BrandEntity | null> {
    return this.dataSource.manager.findOneBy(BrandEntity, {
      teamId: requireTeamId(teamId),
      id: brandId,
    });
  }

  listForTeam(teamId: number): Promise<BrandEntity[]> {
    return this.dataSource.manager.find(BrandEntity, {
      where: { teamId: requireTeamId(teamId) },
      order: { id: 'ASC' },
    });
  }
}
