import { ProviderKind, UmbrellaAssociation } from '@sozialatlas/db';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(ProviderKind, {
  name: 'ProviderKind',
  description: 'Legal kind of a provider (Trägerart).',
  valuesConfig: {
    MUNICIPAL: { description: 'Run by the municipality (kommunal).' },
    NON_PROFIT: { description: 'Non-profit, independent welfare (freigemeinnützig).' },
    COMMERCIAL: { description: 'Commercial (gewerblich, privat-gewerblich).' },
  },
});
registerEnumType(UmbrellaAssociation, {
  name: 'UmbrellaAssociation',
  description: 'Umbrella association of independent welfare a provider belongs to (Spitzenverband der Freien Wohlfahrtspflege).',
  valuesConfig: {
    AWO: { description: 'Arbeiterwohlfahrt.' },
    CARITAS: { description: 'Deutscher Caritasverband.' },
    DIAKONIE: { description: 'Diakonie Deutschland.' },
    DRK: { description: 'Deutsches Rotes Kreuz.' },
    PARITAETISCHER: { description: 'Der Paritätische Wohlfahrtsverband.' },
    ZWST: { description: 'Zentralwohlfahrtsstelle der Juden in Deutschland.' },
  },
});

@ObjectType({ description: 'An organisation running social services (Träger).' })
export class Provider {
  @Field(() => Int, { description: 'Internal identifier.' })
  id!: number;

  @Field({ description: 'Name as published (Name des Trägers).' })
  name!: string;

  @Field(() => ProviderKind, { description: 'Municipal, non-profit or commercial (Trägerart).' })
  kind!: ProviderKind;

  @Field(() => UmbrellaAssociation, { nullable: true, description: 'Umbrella association, if any (Spitzenverband).' })
  umbrella!: UmbrellaAssociation | null;

  @Field(() => String, { nullable: true, description: 'Website (Internetseite).' })
  website!: string | null;

  @Field({ description: 'False for draft records, visible only to roles that may see unpublished data (veröffentlicht).' })
  published!: boolean;

  sourceId!: number | null;
}
