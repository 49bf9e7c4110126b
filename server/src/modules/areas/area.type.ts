import { AreaLevel } from '@sozialatlas/db';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(AreaLevel, {
  name: 'AreaLevel',
  description: 'Level of an area in the spatial hierarchy.',
  valuesConfig: {
    CITY: { description: 'City or municipality (Stadt, Gemeinde).' },
    BOROUGH: { description: 'Borough (Stadtbezirk), e.g. Leipzig-Mitte.' },
    DISTRICT: { description: 'District (Ortsteil), e.g. Zentrum-Süd.' },
    PLANNING_AREA: { description: 'Planning area (Sozialraum, Planungsraum).' },
  },
});

@ObjectType({ description: 'A spatial unit of the city (Gebiet): city, borough (Stadtbezirk), district (Ortsteil).' })
export class Area {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Official key (amtlicher Schlüssel), e.g. "00" for the district Zentrum, "0" for the borough Mitte.' })
  code!: string;

  @Field({ description: 'Official name (Name), e.g. "Grünau-Mitte".' })
  name!: string;

  @Field(() => AreaLevel, { description: 'Level in the hierarchy (Ebene).' })
  level!: AreaLevel;

  @Field(() => Float, { nullable: true, description: 'Area in km² computed from the geometry on the ellipsoid (Fläche).' })
  areaKm2!: number | null;

  parentId!: number | null;
  sourceId!: number | null;
}
