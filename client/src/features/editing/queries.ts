// The editing screens' GraphQL operations. Every editable record is read with its `version`; an
// update or retire sends it back, and the server refuses with CONFLICT when someone saved in
// between. A record's fields are one fragment, so the read, the create and the update of it
// answer with the same fields (and the same generated type, e.g. EditServiceFieldsFragment).
import { graphql } from '../../generated';

export const EDIT_LOOKUPS = graphql(`
  query EditLookups {
    serviceCategories { id key name nameEn }
    providers(first: 500) { totalCount nodes { id name published } }
    areas(filter: { level: DISTRICT }, first: 500) { nodes { id name } }
  }
`);

// ---- services (Angebote) and their location (Standort)

graphql(`
  fragment EditLocationFields on Location {
    id version name street houseNumber postalCode city point(precision: 6) area { id name }
  }
`);

graphql(`
  fragment EditServiceFields on Service {
    id version name description status capacity capacityUnit targetGroups published
    startDate endDate accessibility fee legalBases openingHours
    category { id key name }
    provider { id name }
    locations { ...EditLocationFields services { id name } }
  }
`);

export const EDIT_SERVICES = graphql(`
  query EditServices($categoryKeys: [String!]) {
    services(filter: { categoryKeys: $categoryKeys }, first: 500) {
      totalCount
      nodes { id name status published provider { id name } locations { id area { id name } } }
    }
  }
`);

export const EDIT_SERVICE = graphql(`
  query EditService($id: Int!) {
    service(id: $id) { ...EditServiceFields }
  }
`);

export const CREATE_SERVICE = graphql(`
  mutation CreateService($input: CreateServiceInput!) {
    createService(input: $input) { ...EditServiceFields }
  }
`);

export const UPDATE_SERVICE = graphql(`
  mutation UpdateService($input: UpdateServiceInput!) {
    updateService(input: $input) { ...EditServiceFields }
  }
`);

export const RETIRE_SERVICE = graphql(`
  mutation RetireService($id: Int!, $version: Int!) {
    retireService(id: $id, version: $version) { entity id deleted version }
  }
`);

export const UPDATE_LOCATION = graphql(`
  mutation UpdateLocation($input: UpdateLocationInput!) {
    updateLocation(input: $input) { ...EditLocationFields }
  }
`);

// ---- providers (Träger)

graphql(`
  fragment EditProviderFields on Provider {
    id version name kind umbrella website published services { id name status }
  }
`);

export const EDIT_PROVIDERS = graphql(`
  query EditProviders {
    providers(first: 500) { totalCount nodes { id name kind umbrella published } }
  }
`);

export const EDIT_PROVIDER = graphql(`
  query EditProvider($id: Int!) {
    provider(id: $id) { ...EditProviderFields }
  }
`);

export const CREATE_PROVIDER = graphql(`
  mutation CreateProvider($input: CreateProviderInput!) {
    createProvider(input: $input) { ...EditProviderFields }
  }
`);

export const UPDATE_PROVIDER = graphql(`
  mutation UpdateProvider($input: UpdateProviderInput!) {
    updateProvider(input: $input) { ...EditProviderFields }
  }
`);

export const RETIRE_PROVIDER = graphql(`
  mutation RetireProvider($id: Int!, $version: Int!) {
    retireProvider(id: $id, version: $version) { entity id deleted version }
  }
`);

// ---- funding rows (Förderung) of a service or provider

graphql(`
  fragment EditFundingFields on Funding {
    id version year amount funder kind status published service { id name } provider { id name }
  }
`);

// The fields of EditFundingFields written out: the server's cost limit counts a fragment spread as
// one more level, which under `first: 500` would take this list over the limit.
export const EDIT_FUNDINGS = graphql(`
  query EditFundings($serviceId: Int, $providerId: Int) {
    fundings(filter: { serviceId: $serviceId, providerId: $providerId }, first: 500) {
      totalCount
      nodes { id version year amount funder kind status published service { id name } provider { id name } }
    }
  }
`);

export const CREATE_FUNDING = graphql(`
  mutation CreateFunding($input: CreateFundingInput!) {
    createFunding(input: $input) { ...EditFundingFields }
  }
`);

export const UPDATE_FUNDING = graphql(`
  mutation UpdateFunding($input: UpdateFundingInput!) {
    updateFunding(input: $input) { ...EditFundingFields }
  }
`);

export const RETIRE_FUNDING = graphql(`
  mutation RetireFunding($id: Int!, $version: Int!) {
    retireFunding(id: $id, version: $version) { entity id deleted version }
  }
`);

// ---- measures (Maßnahmen) of a plan

graphql(`
  fragment EditMeasureFields on Measure {
    id version code title description horizon responsibleOffice status goal { id code title } areas { id name level }
  }
`);

export const EDIT_PLANS = graphql(`
  query EditPlans {
    plans { id title periodStart periodEnd published goals { id code title } }
  }
`);

export const EDIT_MEASURES = graphql(`
  query EditMeasures($planId: Int!) {
    measures(filter: { planId: $planId }) { ...EditMeasureFields }
  }
`);

export const CREATE_MEASURE = graphql(`
  mutation CreateMeasure($input: CreateMeasureInput!) {
    createMeasure(input: $input) { ...EditMeasureFields }
  }
`);

export const UPDATE_MEASURE = graphql(`
  mutation UpdateMeasure($input: UpdateMeasureInput!) {
    updateMeasure(input: $input) { ...EditMeasureFields }
  }
`);

export const RETIRE_MEASURE = graphql(`
  mutation RetireMeasure($id: Int!, $version: Int!) {
    retireMeasure(id: $id, version: $version) { entity id deleted version }
  }
`);

// ---- addresses: the point of a typed address, the address of a moved point (offline geocoder)

export const GEOCODE_ADDRESS = graphql(`
  query GeocodeAddress($address: String!, $postalCode: String) {
    geocode(address: $address, postalCode: $postalCode) {
      match lon lat distanceMeters note
      address { street houseNumber postalCode }
      area { id name }
    }
  }
`);

export const REVERSE_GEOCODE = graphql(`
  query ReverseGeocode($lon: Float!, $lat: Float!) {
    reverseGeocode(lon: $lon, lat: $lat) {
      distanceMeters
      address { street houseNumber postalCode }
    }
  }
`);
