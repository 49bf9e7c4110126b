// Sign-in for planners. The session itself is an HttpOnly cookie the browser keeps; the client
// only asks who it is (viewer) to show the name and the editing link.
import { gql } from 'urql';

export const VIEWER = gql`
  query Viewer {
    viewer { role roles kind label }
  }
`;

export const LOGIN = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { user { id email displayName role } expiresAt }
  }
`;

export const LOGOUT = gql`
  mutation Logout {
    logout
  }
`;
