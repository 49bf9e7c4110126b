// The editing screens' GraphQL operations. Every editable record is read with its `version`; an
// update or retire sends it back, and the server refuses with CONFLICT when someone saved in
// between. Field lists are written out (not interpolated) so the SDL check in
// server/test/client-operations.test.ts validates every field.
import { gql } from 'urql';

export const EDIT_LOOKUPS = gql`
  query EditLookups {
    serviceCategories { id key name nameEn }
    providers(first: 500) { totalCount nodes { id name published } }
    areas(filter: { level: DISTRICT }, first: 500) { nodes { id name } }
  }
`;

// ---- services (Angebote) and their location (Standort)

export const EDIT_SERVICES = gql`
  query EditServices($categoryKeys: [String!]) {
    services(filter: { categoryKeys: $categoryKeys }, first: 500) {
      totalCount
      nodes { id name status published provider { id name } locations { id area { id name } } }
    }
  }
`;

export const EDIT_SERVICE = gql`
  query EditService($id: Int!) {
    service(id: $id) {
      id version name description status capacity capacityUnit targetGroups published
      category { id key name }
      provider { id name }
      locations { id version name street houseNumber postalCode city point(precision: 6) area { id name } services { id name } }
    }
  }
`;

export const CREATE_SERVICE = gql`
  mutation CreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      id version name description status capacity capacityUnit targetGroups published
      category { id key name }
      provider { id name }
      locations { id version name street houseNumber postalCode city point(precision: 6) area { id name } services { id name } }
    }
  }
`;

export const UPDATE_SERVICE = gql`
  mutation UpdateService($input: UpdateServiceInput!) {
    updateService(input: $input) {
      id version name description status capacity capacityUnit targetGroups published
      category { id key name }
      provider { id name }
      locations { id version name street houseNumber postalCode city point(precision: 6) area { id name } services { id name } }
    }
  }
`;

export const RETIRE_SERVICE = gql`
  mutation RetireService($id: Int!, $version: Int!) {
    retireService(id: $id, version: $version) { entity id deleted version }
  }
`;

export const UPDATE_LOCATION = gql`
  mutation UpdateLocation($input: UpdateLocationInput!) {
    updateLocation(input: $input) { id version name street houseNumber postalCode city point(precision: 6) area { id name } }
  }
`;

// ---- providers (Träger)

export const EDIT_PROVIDERS = gql`
  query EditProviders {
    providers(first: 500) { totalCount nodes { id name kind umbrella published } }
  }
`;

export const EDIT_PROVIDER = gql`
  query EditProvider($id: Int!) {
    provider(id: $id) { id version name kind umbrella website published services { id name status } }
  }
`;

export const CREATE_PROVIDER = gql`
  mutation CreateProvider($input: CreateProviderInput!) {
    createProvider(input: $input) { id version name kind umbrella website published services { id name status } }
  }
`;

export const UPDATE_PROVIDER = gql`
  mutation UpdateProvider($input: UpdateProviderInput!) {
    updateProvider(input: $input) { id version name kind umbrella website published services { id name status } }
  }
`;

export const RETIRE_PROVIDER = gql`
  mutation RetireProvider($id: Int!, $version: Int!) {
    retireProvider(id: $id, version: $version) { entity id deleted version }
  }
`;

// ---- funding rows (Förderung) of a service or provider

export const EDIT_FUNDINGS = gql`
  query EditFundings($serviceId: Int, $providerId: Int) {
    fundings(filter: { serviceId: $serviceId, providerId: $providerId }, first: 500) {
      totalCount
      nodes { id version year amount funder kind status published service { id name } provider { id name } }
    }
  }
`;

export const CREATE_FUNDING = gql`
  mutation CreateFunding($input: CreateFundingInput!) {
    createFunding(input: $input) { id version year amount funder kind status published service { id name } provider { id name } }
  }
`;

export const UPDATE_FUNDING = gql`
  mutation UpdateFunding($input: UpdateFundingInput!) {
    updateFunding(input: $input) { id version year amount funder kind status published service { id name } provider { id name } }
  }
`;

export const RETIRE_FUNDING = gql`
  mutation RetireFunding($id: Int!, $version: Int!) {
    retireFunding(id: $id, version: $version) { entity id deleted version }
  }
`;

// ---- measures (Maßnahmen) of a plan

export const EDIT_PLANS = gql`
  query EditPlans {
    plans { id title periodStart periodEnd published goals { id code title } }
  }
`;

export const EDIT_MEASURES = gql`
  query EditMeasures($planId: Int!) {
    measures(filter: { planId: $planId }) { id version code title description horizon responsibleOffice status goal { id code title } areas { id name level } }
  }
`;

export const CREATE_MEASURE = gql`
  mutation CreateMeasure($input: CreateMeasureInput!) {
    createMeasure(input: $input) { id version code title description horizon responsibleOffice status goal { id code title } areas { id name level } }
  }
`;

export const UPDATE_MEASURE = gql`
  mutation UpdateMeasure($input: UpdateMeasureInput!) {
    updateMeasure(input: $input) { id version code title description horizon responsibleOffice status goal { id code title } areas { id name level } }
  }
`;

export const RETIRE_MEASURE = gql`
  mutation RetireMeasure($id: Int!, $version: Int!) {
    retireMeasure(id: $id, version: $version) { entity id deleted version }
  }
`;
