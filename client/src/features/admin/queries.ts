// Accounts and API keys for administrators (the server allows these to ADMIN only).
import { graphql } from '../../generated';

export const ADMIN_OVERVIEW = graphql(`
  query AdminOverview {
    users { id email displayName role disabled lockedUntil lastLoginAt version }
    apiKeys { id prefix name roles expiresAt revokedAt lastUsedAt createdAt }
  }
`);

export const ADMIN_CREATE_USER = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) { id email }
  }
`);

export const ADMIN_SET_DISABLED = graphql(`
  mutation AdminSetDisabled($input: UpdateUserInput!) {
    updateUser(input: $input) { id disabled version }
  }
`);

export const ADMIN_CREATE_KEY = graphql(`
  mutation AdminCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id prefix name } }
  }
`);

export const ADMIN_REVOKE_KEY = graphql(`
  mutation AdminRevokeKey($id: Int!) {
    revokeApiKey(id: $id) { id revokedAt }
  }
`);
