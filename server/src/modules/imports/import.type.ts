import { AreaLevel, ValueStatus } from '@sozialatlas/db';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A line that was not written because it conflicts with a later decision (Konflikt).' })
export class ImportConflict {
  @Field(() => Int, { description: 'Line in the file.' })
  line!: number;

  @Field({ description: 'Area code (Gebietsschlüssel).' })
  areaCode!: string;

  @Field({ description: 'Indicator key.' })
  indicatorKey!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field({ description: 'Stable code: LIFTS_SUPPRESSION (the stored value is suppressed; the line would publish it).' })
  reason!: string;

  @Field({ description: 'What the conflict is, in German and English (“… / …”), with the line number.' })
  message!: string;
}

@ObjectType({ description: 'An error in one line of an import file; nothing is written while any exist.' })
export class ImportError {
  @Field(() => Int, { description: 'Line in the file (the header is line 1).' })
  line!: number;

  @Field(() => String, { nullable: true, description: 'Column, e.g. "area_code"; null for the whole line.' })
  column!: string | null;

  @Field({ description: 'Stable code: UNKNOWN_AREA, UNKNOWN_INDICATOR, NUMBER_FORMAT, WRONG_UNIT, DUPLICATE_ROW, YEAR_OUT_OF_RANGE, UNKNOWN_STATUS, MISSING_VALUE, COLUMN_COUNT, BAD_HEADER, MALFORMED_CSV, TOO_MANY_ROWS.' })
  reason!: string;

  @Field({ description: 'What is wrong, in German and English (“Zeile n: … / Line n: …”).' })
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

  @Field(() => [ImportConflict], { description: 'Lines not written because they would lift a suppression (Geheimhaltung); write them with overrideConflicts: true.' })
  conflicts!: ImportConflict[];

  @Field(() => [String], {
    description:
      'Plausibility warnings, the same as the seed gives (written anyway): a count of 0 where more than 1,000 people live, 0 % after at least 40 % the year before, a jump beyond factor 3 from the previous year.',
  })
  warnings!: string[];
}

@ArgsType()
export class ImportIndicatorValuesArgs {
  @Field({ description: 'CSV text with the header area_code,indicator_key,year,value,status (comma + decimal point, or semicolon + decimal comma).' })
  csv!: string;

  @Field({ defaultValue: true, description: 'Only check and report what would change (default). Pass false to write.' })
  dryRun!: boolean;

  @Field({
    defaultValue: false,
    description: 'Accept rows for Stadtbezirke and the city (levels whose values are otherwise derived from the Ortsteile): the imported value then replaces the derived one. Without it such rows are errors (DERIVED_LEVEL).',
  })
  allowDerivedLevels!: boolean;

  @Field({ defaultValue: false, description: 'Also write lines that lift a suppression (a deliberate decision; recorded in the audit log).' })
  overrideConflicts!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The city whose area codes the file uses, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig). Codes such as "01" exist in several cities: a code of another city only is a line error (AREA_OF_OTHER_CITY) naming it.',
  })
  city?: string;
}

@ObjectType({ description: 'A problem with one feature of an area file (or with the whole file); errors stop the import, warnings do not.' })
export class AreaImportProblem {
  @Field(() => Int, { description: 'Number of the feature in the file, from 1 (Objekt 1 is the first); 0 for the file as a whole.' })
  feature!: number;

  @Field(() => String, { nullable: true, description: 'Area code of the feature, when it has one.' })
  code!: string | null;

  @Field({
    description:
      'Stable code. Errors: BAD_JSON, NOT_FEATURE_COLLECTION, UNSUPPORTED_CRS, EMPTY, TOO_MANY_FEATURES, UNKNOWN_SOURCE, NOT_A_FEATURE, MISSING_CODE, BAD_CODE, DUPLICATE_CODE, MISSING_NAME, BAD_NAME, UNKNOWN_LEVEL, LEVEL_CHANGED, UNKNOWN_PARENT, PARENT_LEVEL, MISSING_PARENT, NOT_POLYGON, BAD_COORDINATES, NOT_WGS84, CRS_MISMATCH, SWAPPED_COORDINATES, OUTSIDE_REGION, INVALID_GEOMETRY. Warnings: REPAIRED_GEOMETRY.',
  })
  reason!: string;

  @Field({ description: 'What is wrong, in German, starting with the feature number and code.' })
  message!: string;
}

@ObjectType({ description: 'An area the import creates or changes.' })
export class AreaImportChange {
  @Field(() => Int, { description: 'Number of the feature in the file, from 1.' })
  feature!: number;

  @Field({ description: 'Area code (Gebietsschlüssel).' })
  code!: string;

  @Field({ description: 'Name from the file.' })
  name!: string;

  @Field(() => AreaLevel, { description: 'Level (Ebene).' })
  level!: AreaLevel;

  @Field({ description: 'CREATE (new area) or UPDATE (changes a stored one).' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Stored name before; null when new.' })
  nameBefore!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the parent area after the import; null for a city.' })
  parentCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the stored parent before; null when new or without parent.' })
  parentCodeBefore!: string | null;

  @Field({ description: 'The name changes.' })
  nameChanged!: boolean;

  @Field({ description: 'The parent area changes.' })
  parentChanged!: boolean;

  @Field({ description: 'The boundary changes (not the same point set as stored).' })
  geometryChanged!: boolean;

  @Field({ description: 'The source (Quelle) changes.' })
  sourceChanged!: boolean;

  @Field(() => Float, { nullable: true, description: 'Stored area in km² before; null when new.' })
  areaKm2Before!: number | null;

  @Field(() => Float, { nullable: true, description: 'Area in km² of the boundary from the file, as it will be stored.' })
  areaKm2!: number | null;
}

@ObjectType({ description: 'A service location that moves to another area because a boundary changes (its area is always derived from its point).' })
export class LocationMove {
  @Field(() => Int, { description: 'Id of the location.' })
  locationId!: number;

  @Field(() => String, { nullable: true, description: 'Name of the location.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of its area before; null when it lay in no area.' })
  fromCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of its area after; null when it lies in no area any more.' })
  toCode!: string | null;
}

@ObjectType({ description: 'Outcome of an area import (or of its dry run).' })
export class AreaImportResult {
  @Field({ description: 'True when only checked and nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'True when the areas were written (no errors, something to change, not a dry run).' })
  applied!: boolean;

  @Field(() => Int, { description: 'Features in the file.' })
  features!: number;

  @Field(() => Int, { description: 'EPSG code the coordinates were read in: 4326 (WGS84), or 25832/25833 when the file says so (then transformed).' })
  srid!: number;

  @Field(() => Int, { description: 'Areas that are (or would be) new.' })
  created!: number;

  @Field(() => Int, { description: 'Stored areas that are (or would be) changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Features equal to what is stored.' })
  unchanged!: number;

  @Field(() => [AreaImportProblem], { description: 'Errors (up to 200); when any exist nothing is written.' })
  errors!: AreaImportProblem[];

  @Field(() => [AreaImportProblem], { description: 'Warnings, e.g. geometries repaired with ST_MakeValid; they do not stop the import.' })
  warnings!: AreaImportProblem[];

  @Field(() => [AreaImportChange], { description: 'What changes (up to 1,000 listed; the counts are complete).' })
  changes!: AreaImportChange[];

  @Field({ description: 'True when more changes exist than are listed.' })
  changesTruncated!: boolean;

  @Field(() => Int, { description: 'Stored areas of the imported levels that the file does not contain. They are kept: an import never deletes areas.' })
  absentCount!: number;

  @Field(() => [String], { description: 'Their codes (up to 1,000).' })
  absentCodes!: string[];

  @Field(() => Int, { description: 'Service locations that (would) move to another area because boundaries change.' })
  locationsMoved!: number;

  @Field(() => [LocationMove], { description: 'Those locations (up to 1,000).' })
  locationMoves!: LocationMove[];

  @Field(() => Int, { description: 'Derived Stadtbezirk/city values written again because the hierarchy changed (0 in a dry run).' })
  derivedWritten!: number;

  @Field(() => Int, { description: 'Derived values removed because their parts are no longer complete, e.g. a new Ortsteil without values (0 in a dry run).' })
  derivedRemoved!: number;
}

@ArgsType()
export class ImportAreasArgs {
  @Field({ description: 'GeoJSON text: a FeatureCollection of Polygon/MultiPolygon features with the properties code, name, level and parent_code.' })
  geojson!: string;

  @Field({ defaultValue: true, description: 'Only check and report what would change (default). Pass false to write.' })
  dryRun!: boolean;

  @Field(() => AreaLevel, { nullable: true, description: 'Level of features without a level property.' })
  level?: AreaLevel | null;

  @Field({ defaultValue: false, description: 'Read every position as [latitude, longitude] (or [northing, easting]): for files that store the axes swapped.' })
  swapAxes!: boolean;

  @Field(() => String, { nullable: true, description: 'Key of the source (Quelle) of the boundaries, set on every area written.' })
  sourceKey?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The city whose areas the codes name, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig). Codes are unique per city only; another city’s areas are never touched; a parent_code names an area of this city (its own AGS for a top-level district).',
  })
  city?: string;
}

@InputType({ description: 'A statistics file in the published kdvalues shape ({meta, data: {year: {sub-indicator: [{value, district}]}}}).' })
export class StatisticsFileInput {
  @Field({ description: 'File name as the mapping names it, e.g. "leipzig-einwohner-insgesamt.json".' })
  name!: string;

  @Field({ description: 'The file’s JSON text.' })
  json!: string;
}

@InputType({ description: 'A mapping file (statistics.mapping.json): which sub-indicator of which file is which indicator (docs/data.md).' })
export class StatisticsMappingInput {
  @Field({ defaultValue: 'statistics.mapping.json', description: 'Name used in messages.' })
  name!: string;

  @Field({ description: 'The mapping’s JSON text.' })
  json!: string;
}

@ArgsType()
export class ImportStatisticsArgs {
  @Field(() => [StatisticsFileInput], { description: 'The kdvalues files (1–20).' })
  files!: StatisticsFileInput[];

  @Field(() => StatisticsMappingInput, { nullable: true, description: 'The mapping; default the shipped Leipzig mapping (seed/data/leipzig/statistics.mapping.json).' })
  mapping?: StatisticsMappingInput | null;

  @Field({ defaultValue: true, description: 'Only check and report what would change (default). Pass false to write.' })
  dryRun!: boolean;

  @Field({ defaultValue: false, description: 'Also write values that lift a stored suppression (a deliberate decision; recorded in the audit log).' })
  overrideConflicts!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The city whose Ortsteile the files name, by key ("chemnitz") or AGS ("14511000"); absent: the default city (Leipzig). A name of another city only (both have a "Zentrum") is a skipped row naming that city.',
  })
  city?: string;
}

@ObjectType({ description: 'An error in a statistics file or its mapping; nothing is written while any exist.' })
export class StatisticsImportError {
  @Field({ description: 'File the error is in.' })
  file!: string;

  @Field(() => String, { nullable: true, description: 'JSON Pointer into the file (e.g. "/files/1/subIndicators/Männer"); "/" for the whole file; null when the message names the row.' })
  path!: string | null;

  @Field({ description: 'What is wrong, in German and English (“… / …”).' })
  message!: string;
}

@ObjectType({ description: 'A row or sub-indicator of a statistics file that was not imported, and why.' })
export class StatisticsImportSkipped {
  @Field({ description: 'Where: "file › year › sub-indicator › \\"Ortsteil\\"" or "file › sub-indicator".' })
  row!: string;

  @Field({ description: 'Why, in German and English where the check is shared with the CSV import.' })
  reason!: string;
}

@ObjectType({ description: 'Outcome of a statistics (kdvalues) import or of its dry run: the seed’s report.' })
export class StatisticsImportResult {
  @Field({ description: 'True when only checked and nothing was written.' })
  dryRun!: boolean;

  @Field({ description: 'True when the values were written.' })
  applied!: boolean;

  @Field({ description: 'The mapping used.' })
  mapping!: string;

  @Field(() => [String], { description: 'The files read as kdvalues.' })
  files!: string[];

  @Field(() => Int, { description: 'Rows read from the files.' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Database rows written (values, derived values, catalogue); also counted in a dry run, then rolled back.' })
  written!: number;

  @Field(() => Int, { description: 'Ortsteil values equal to what is stored.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Ortsteil values checked and (to be) written.' })
  ortsteilValues!: number;

  @Field(() => [StatisticsImportError], { description: 'Errors in the mapping or a file; when any exist nothing is written.' })
  errors!: StatisticsImportError[];

  @Field(() => [StatisticsImportSkipped], { description: 'Rows and sub-indicators not imported (unknown Ortsteil, value outside its unit, unmapped, ambiguous, outside the mapped years, taken from another file).' })
  skipped!: StatisticsImportSkipped[];

  @Field(() => [String], { description: 'Every sub-indicator the mapping does not name, with its rows and years (the full list).' })
  unmapped!: string[];

  @Field(() => [String], {
    description: 'Plausibility warnings (imported anyway): a count of 0 where more than 1,000 people live, 0 % after at least 40 % the year before, a jump beyond factor 3 from the previous year.',
  })
  plausibility!: string[];

  @Field(() => [String], { description: 'Values not written because they would lift a suppression (write them with overrideConflicts: true).' })
  liftsSuppression!: string[];

  @Field(() => [String], { description: 'Warnings of the import as a whole.' })
  warnings!: string[];
}
