import { ValueStatus } from '@sozialatlas/db';
import { MaxLength } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An error in one line of an import file; nothing is written while any exist.' })
export class ImportError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'Column, e.g. "area_code"; null for the whole line.' })
  column!: string | null;

  @Field({ description: 'Stable code: UNKNOWN_AREA, UNKNOWN_INDICATOR, NUMBER_FORMAT, WRONG_UNIT, DUPLICATE_ROW, YEAR_OUT_OF_RANGE, UNKNOWN_STATUS, MISSING_VALUE, COLUMN_COUNT, BAD_HEADER, MALFORMED_CSV, TOO_MANY_ROWS.' })
  reason!: string;

  @Field({ description: 'What is wrong, in German, with the line number.' })
  message!: string;
}

@ObjectType({ description: 'A value the import creates or changes.' })
export class ImportChange {
  @Field(() => Int, { description: 'Line in the file.' })
  line!: number;

  @Field({ description: 'Area code (Gebietsschlüssel).' })
  areaCode!: string;

  @Field({ description: 'Indicator key.' })
  indicatorKey!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field({ description: 'CREATE (new value) or UPDATE (changes a stored one).' })
  kind!: string;

  @Field(() => Float, { nullable: true, description: 'Stored value before; null when new or suppressed without value.' })
  beforeValue!: number | null;

  @Field(() => ValueStatus, { nullable: true, description: 'Stored status before; null when new.' })
  beforeStatus!: ValueStatus | null;

  @Field(() => Float, { nullable: true, description: 'Value from the file; null for suppressed values without a number.' })
  value!: number | null;

  @Field(() => ValueStatus, { description: 'Status from the file.' })
  status!: ValueStatus;
}

@ObjectType({ description: 'Outcome of an indicator value import (or of its dry run).' })
export class ImportResult {
  @Field({ description: 'True when only checked and nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'True when the values were written (no errors, not a dry run).' })
  applied!: boolean;

  @Field(() => Int, { description: 'Data lines in the file.' })
  rows!: number;

  @Field(() => Int, { description: 'Values that are (or would be) new.' })
  created!: number;

  @Field(() => Int, { description: 'Stored values that are (or would be) changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Lines equal to what is stored.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Derived Stadtbezirk/city values written after the import (0 in a dry run).' })
  derived!: number;

  @Field(() => [ImportError], { description: 'Errors per line (up to 200); when any exist nothing is written.' })
  errors!: ImportError[];

  @Field(() => [ImportChange], { description: 'What changes (up to 1,000 listed; the counts are complete).' })
  changes!: ImportChange[];

  @Field({ description: 'True when more changes exist than are listed.' })
  changesTruncated!: boolean;
}

@ArgsType()
export class ImportIndicatorValuesArgs {
  @Field({ description: 'CSV text with the header area_code,indicator_key,year,value,status (comma + decimal point, or semicolon + decimal comma).' })
  @MaxLength(190_000)
  csv!: string;

  @Field({ defaultValue: true, description: 'Only check and report what would change (default). Pass false to write.' })
  dryRun!: boolean;
}
