import { GeocodeMatch } from '@sozialatlas/db';
import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Area } from '../areas/area.type';

registerEnumType(GeocodeMatch, {
  name: 'GeocodeMatch',
  description: 'How the offline geocoder found a point for an address (OSM address table of the city, ODbL).',
  valuesConfig: {
    EXACT: { description: 'Street and house number found (genau gefunden); a range or list such as 12–14 matched by one of its numbers.' },
    NEAREST_NUMBER: { description: 'The house number is not in the table: the point of the nearest number on the same street and side, with the estimated distance (nächste Hausnummer).' },
    AMBIGUOUS: { description: 'The street and number exist in more than one place and the postcode does not tell them apart: no point (mehrdeutig).' },
    NOT_FOUND: { description: 'Street not in the table or no house number: no point (nicht gefunden).' },
  },
});

@ObjectType({ description: 'An address of the address table (canonical spelling) with its point.' })
export class GeocodedAddress {
  @Field({ description: 'Street as spelled in the address table (Straße).' })
  street!: string;

  @Field({ description: 'House number as in the address table (Hausnummer).' })
  houseNumber!: string;

  @Field(() => String, { nullable: true, description: 'Postcode (Postleitzahl): tagged, or that of the nearest tagged address of the same street within 1 km.' })
  postalCode!: string | null;

  @Field(() => Float, { description: 'Longitude, WGS 84.' })
  lon!: number;

  @Field(() => Float, { description: 'Latitude, WGS 84.' })
  lat!: number;
}

@ObjectType({ description: 'Result of geocoding one address (Adresssuche). Never a point without saying how it was found.' })
export class GeocodeResult {
  @Field(() => GeocodeMatch, { description: 'How the point was found.' })
  match!: GeocodeMatch;

  @Field(() => Float, { nullable: true, description: 'Longitude of the point, WGS 84; null for AMBIGUOUS and NOT_FOUND.' })
  lon!: number | null;

  @Field(() => Float, { nullable: true, description: 'Latitude of the point, WGS 84; null for AMBIGUOUS and NOT_FOUND.' })
  lat!: number | null;

  @Field(() => GeocodedAddress, { nullable: true, description: 'The address of the table that gave the point.' })
  address!: GeocodedAddress | null;

  @Field(() => Float, {
    nullable: true,
    description: 'EXACT: 0. NEAREST_NUMBER: estimated metres between the point and the asked-for address (interpolated between the known neighbouring numbers on the same side); null when the street has too few numbers to estimate.',
  })
  distanceMeters!: number | null;

  @Field({ description: 'What was matched or what was missing, in German (Hinweis).' })
  note!: string;

  @Field({ description: 'Attribution of the address table: © OpenStreetMap contributors (ODbL 1.0).' })
  attribution!: string;

  @Field(() => Area, { nullable: true, description: 'The finest area containing the point (Ortsteil); null without a point or outside every area.' })
  area!: Area | null;
}

@ObjectType({ description: 'The nearest known address to a point (umgekehrte Adresssuche).' })
export class ReverseGeocodeResult {
  @Field(() => GeocodedAddress, { description: 'The nearest address of the table.' })
  address!: GeocodedAddress;

  @Field(() => Float, { description: 'Metres from the given point to that address.' })
  distanceMeters!: number;

  @Field({ description: 'Attribution of the address table: © OpenStreetMap contributors (ODbL 1.0).' })
  attribution!: string;

  @Field(() => Area, { nullable: true, description: 'The finest area containing the given point (Ortsteil).' })
  area!: Area | null;
}
