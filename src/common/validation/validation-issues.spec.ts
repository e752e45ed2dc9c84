import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { toFieldIssues } from './validation-issues';

class Leg {
  @IsInt()
  @Min(1)
  odds: number;
}

class Slip {
  @IsString()
  id: string;

  @ValidateNested({ each: true })
  @Type(() => Leg)
  legs: Leg[];

  @ValidateNested()
  @Type(() => Leg)
  main: Leg;
}

describe('toFieldIssues', () => {
  it('names nested fields by their path in the body, one issue per failed rule', () => {
    const slip = plainToInstance(Slip, {
      id: 5,
      legs: [{ odds: 2 }, { odds: 0.5 }],
      main: { odds: 'x' },
    });
    const issues = toFieldIssues(validateSync(slip));
    expect(issues.map(({ field, constraint }) => ({ field, constraint }))).toEqual([
      { field: 'id', constraint: 'isString' },
      { field: 'legs[1].odds', constraint: 'min' },
      { field: 'legs[1].odds', constraint: 'isInt' },
      { field: 'main.odds', constraint: 'min' },
      { field: 'main.odds', constraint: 'isInt' },
    ]);
    expect(issues[0]).toEqual({
      field: 'id',
      constraint: 'isString',
      message: 'id must be a string',
      params: { value: 5 },
    });
  });

  it("keeps the arguments of each failed rule's decorator, nested ones included", () => {
    const slip = plainToInstance(Slip, { id: 'a', legs: [{ odds: 0 }], main: { odds: 1 } });
    expect(toFieldIssues(validateSync(slip))).toEqual([
      {
        field: 'legs[0].odds',
        constraint: 'min',
        message: 'odds must not be less than 1',
        params: { value: 0, args: [1] },
      },
    ]);
  });

  it('returns nothing for a valid object', () => {
    expect(
      toFieldIssues(validateSync(plainToInstance(Slip, { id: 'a', legs: [], main: { odds: 3 } }))),
    ).toEqual([]);
  });
});
